namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// A node to upsert: its declared type, its <c>_key</c>, and property values (string, long, double, bool or a list of
/// strings; null values are skipped, never written as removals). A placeholder only creates the node when it is
/// missing and never overwrites what a fuller source wrote.
/// </summary>
public sealed record GraphEntity(
    NodeType Type,
    string Key,
    IReadOnlyDictionary<string, object?> Properties,
    IReadOnlySet<string>? RoleLabels = null,
    bool IsPlaceholder = false);
