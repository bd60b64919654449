using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OnePasswordGraph.IntegrationTests.Support.QueryApi;

/// <summary>
/// Converts between plain JSON values and the Query API's typed JSON (<c>application/vnd.neo4j.query</c>), as the
/// Query API manual's result-format tables describe it. Results come from the 3.1.1 transactional endpoint, whose
/// JSON keeps an integer's digits without a fraction and a float's with one (Neo4j writes a FLOAT 2.0 as 2.0), so the
/// INTEGER and FLOAT types are recovered exactly; a node arrives there as its property map and is typed as a Map.
/// </summary>
internal static class QueryApiValues
{
    public static JsonNode ToTyped(JsonNode? value) => value switch
    {
        null => Typed("Null", null),
        JsonArray list => Typed("List", new JsonArray([.. list.Select(ToTyped)])),
        JsonObject map => Typed("Map", new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)ToTyped(p.Value))))),
        JsonValue scalar => scalar.GetValueKind() switch
        {
            JsonValueKind.True or JsonValueKind.False => Typed("Boolean", scalar.GetValue<bool>()),
            JsonValueKind.String => Typed("String", scalar.GetValue<string>()),
            JsonValueKind.Number => IsWhole(scalar.ToJsonString()) ? Typed("Integer", scalar.ToJsonString()) : Typed("Float", Float(scalar.ToJsonString())),
            _ => Typed("Null", null),
        },
        _ => Typed("Null", null),
    };

    /// <summary>Reads typed parameters (a request sent with <c>Content-Type: application/vnd.neo4j.query</c>) as plain JSON.</summary>
    public static JsonNode? FromTyped(JsonNode? value)
    {
        if (value is JsonObject typed && typed["$type"] is JsonValue type && typed.ContainsKey("_value"))
        {
            var inner = typed["_value"];
            return type.GetValue<string>() switch
            {
                "Null" => null,
                "Integer" => JsonValue.Create(long.Parse(inner!.GetValue<string>(), CultureInfo.InvariantCulture)),
                "Float" => JsonValue.Create(double.Parse(inner!.GetValue<string>(), CultureInfo.InvariantCulture)),
                "List" => new JsonArray([.. inner!.AsArray().Select(FromTyped)]),
                "Map" => new JsonObject(inner!.AsObject().Select(p => KeyValuePair.Create(p.Key, FromTyped(p.Value)))),
                _ => inner?.DeepClone(),
            };
        }

        return value switch
        {
            JsonObject map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, FromTyped(p.Value)))),
            JsonArray list => new JsonArray([.. list.Select(FromTyped)]),
            _ => value?.DeepClone(),
        };
    }

    private static JsonObject Typed(string type, JsonNode? value) => new() { ["$type"] = type, ["_value"] = value };

    private static bool IsWhole(string number) => !number.AsSpan().ContainsAny(".eE");

    // Typed JSON writes a FLOAT as text so that NaN and the infinities fit; "R" keeps every digit.
    private static string Float(string number) => double.Parse(number, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
}
