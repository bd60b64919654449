using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// Converts between CLR values and the JSON of Neo4j's HTTP API. Written by hand so that parameters of any declared
/// shape serialize without reflection, and so that whole numbers come back as <see cref="long"/> (Cypher INTEGER) and
/// decimals as <see cref="double"/> (Cypher FLOAT), as the official drivers map them.
/// </summary>
internal static class CypherJson
{
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A Cypher parameter cannot hold a {value.GetType().Name}.", nameof(value));
        }
    }

    public static object? ReadValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : (object)element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(ReadValue).ToList(),
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ReadValue(p.Value), StringComparer.Ordinal),
        _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Unexpected JSON value kind {element.ValueKind}.")),
    };
}
