using System.Buffers;
using System.Text.Json;
using OnePasswordGraph.Graph.Internal;

namespace OnePasswordGraph.Graph.Neo4j.Internal;

/// <summary>Writes the body of a transactional endpoint request: the statements, their parameters, rows only.</summary>
internal static class TransactionRequestWriter
{
    /// <summary>
    /// The body as written, without a copy into a byte array: sent as it is, it still carries a Content-Length,
    /// which some proxies in front of Neo4j require (they refuse chunked request bodies).
    /// </summary>
    public static ReadOnlyMemory<byte> Write(IReadOnlyList<CypherStatement> statements)
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

        return buffer.WrittenMemory;
    }
}
