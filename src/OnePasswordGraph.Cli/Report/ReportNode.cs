using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Cli.Report;

/// <summary>A node of a finding's drawing: its graph key, node type and a short caption.</summary>
internal sealed record ReportNode(string Key, string Type, string Caption)
{
    private const int ShortKey = 8;

    /// <summary>Builds a node from the property map Neo4j returned: its email, name or action, else a short key.</summary>
    public static ReportNode From(IReadOnlyDictionary<string, object?> properties)
    {
        var key = properties.GetValueOrDefault(GraphProperties.Key) as string ?? "?";
        var type = properties.GetValueOrDefault(GraphProperties.Type) as string ?? "node";
        var caption = Text(properties, "email") ?? Text(properties, "name") ?? Text(properties, "action") ?? Text(properties, "category");
        var shortKey = key.Length > ShortKey ? key[..ShortKey] + "…" : key;
        return new ReportNode(key, type, caption is null ? shortKey : caption);
    }

    private static string? Text(IReadOnlyDictionary<string, object?> properties, string name) =>
        properties.GetValueOrDefault(name) is string { Length: > 0 } text ? text : null;
}
