using System.Buffers;
using System.Text.Json;
using OnePasswordGraph.Graph.Internal;

namespace OnePasswordGraph.Graph.Neo4j.Internal;

/// <summary>Writes the body of a transactional endpoint request: the statements, their parameters, rows only.</summary>
internal static class TransactionRequestWriter
{
    public static void Write(IReadOnlyList<CypherStatement> statements, IBufferWriter<byte> body)
    {
        using (var writer = new Utf8JsonWriter(body))
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
    }
}
