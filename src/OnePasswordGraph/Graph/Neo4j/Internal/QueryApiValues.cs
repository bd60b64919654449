using System.Globalization;
using System.Text.Json;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

namespace OnePasswordGraph.Graph.Neo4j.Internal;

/// <summary>
/// Reads Query API results in the typed JSON format (<c>application/vnd.neo4j.query</c>): every value is
/// <c>{"$type": …, "_value": …}</c>, so an INTEGER is told from a FLOAT by its type rather than by how its number
/// happens to print, and a value is never mistaken for a row. Values map to the same CLR types as the transactional
/// endpoint's (<see cref="CypherResult"/>): nodes and relationships become their property maps, temporal and spatial
/// values their text. Plain JSON values and unknown types are read as they are, so a server that ignores the
/// <c>Accept</c> header or adds a type still gives results.
/// </summary>
internal static class QueryApiValues
{
    public static CypherResult ToResult(QueryData? data)
    {
        var fields = data?.Fields ?? [];
        var values = data?.Values ?? [];
        var rows = new List<IReadOnlyList<object?>>();
        if (values.Count > 0 && values.All(v => v.ValueKind == JsonValueKind.Array))
        {
            rows.AddRange(values.Select(row => (IReadOnlyList<object?>)row.EnumerateArray().Select(Read).ToList()));
        }
        else if (fields.Count > 0)
        {
            // Early Query API releases listed the values of all rows in one flat list.
            rows.AddRange(values.Chunk(fields.Count).Select(row => (IReadOnlyList<object?>)row.Select(Read).ToList()));
        }

        return new CypherResult(fields, rows);
    }

    public static object? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("$type", out var type) || type.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("_value", out var value))
        {
            return CypherJson.ReadValue(element);
        }

        return type.GetString() switch
        {
            "Null" => null,
            "Integer" => value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : value.GetInt64(),
            "Float" => value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture) : value.GetDouble(),
            "List" or "Path" => value.EnumerateArray().Select(Read).ToList(),
            "Map" => ReadMap(value),
            "Node" or "Relationship" => value.TryGetProperty("_properties", out var properties) ? ReadMap(properties) : new Dictionary<string, object?>(StringComparer.Ordinal),
            _ => CypherJson.ReadValue(value),
        };
    }

    private static Dictionary<string, object?> ReadMap(JsonElement map) =>
        map.EnumerateObject().ToDictionary(p => p.Name, p => Read(p.Value), StringComparer.Ordinal);
}
