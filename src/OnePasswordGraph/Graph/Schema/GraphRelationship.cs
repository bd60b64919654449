namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// A relationship to upsert between the nodes keyed <paramref name="FromKey"/> and <paramref name="ToKey"/>. A missing
/// end node is created as a placeholder of the declared end type, so a relationship row is never silently dropped.
/// </summary>
public sealed record GraphRelationship(
    RelationshipType Type,
    string FromKey,
    string ToKey,
    IReadOnlyDictionary<string, object?> Properties);
