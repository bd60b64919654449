using System.Buffers;
using System.Text.Json;
using OnePasswordGraph.Graph.Internal;

namespace OnePasswordGraph.Graph.Neo4j.Internal;

/// <summary>
/// Writes the body of a Query API request: one statement, its parameters as plain JSON (whole numbers arrive as
/// INTEGER, decimals as FLOAT, as on the transactional endpoint), and the bookmarks of the last commit so that a
/// cluster member does not answer from before it.
/// </summary>
internal static class QueryRequestWriter
{
    public static void Write(CypherStatement statement, IReadOnlyList<string> bookmarks, IBufferWriter<byte> body)
    {
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("statement", statement.Text);
            writer.WritePropertyName("parameters");
            CypherJson.WriteValue(writer, statement.Parameters);
            if (bookmarks.Count > 0)
            {
                writer.WritePropertyName("bookmarks");
                CypherJson.WriteValue(writer, bookmarks);
            }

            writer.WriteEndObject();
        }
    }
}
