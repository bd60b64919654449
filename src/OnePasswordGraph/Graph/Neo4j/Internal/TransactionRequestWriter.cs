using System.Buffers;
using System.Text.Json;
using OnePasswordGraph.Graph.Internal;

namespace OnePasswordGraph.Graph.Neo4j.Internal;

/// <summary>Writes the body of a transactional endpoint request: the statements, their parameters, rows only.</summary>
internal static class TransactionRequestWriter
{
    public static byte[] Write(IReadOnlyList<CypherStatement> statements)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("statements");
            foreach (var statement in statements)
            {
                writer.WriteStartObject();
                writer.WriteString("statement", statement.Text);
                writer.WritePropertyName("parameters");
                CypherJson.WriteValue(writer, statement.Parameters);
                writer.WriteStartArray("resultDataContents");
                writer.WriteStringValue("row");
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
