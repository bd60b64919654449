namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// A declared relationship: <c>(From)-[:Label]->(To)</c>. <see cref="Type"/> is its JupiterOne-style <c>_type</c>
/// (for example <c>one_password_user_performed_item_usage_event</c>) and identifies the declaration.
/// </summary>
public sealed record RelationshipType(
    string Type,
    NodeType From,
    string Label,
    NodeType To,
    string Description,
    IReadOnlyList<PropertyDefinition> Properties)
{
    /// <summary>Finds a declared property by name.</summary>
    public PropertyDefinition? Property(string name) => PropertyDefinition.Find(Properties, name);

    // As NodeType's: the synthesized hash would walk both end types' declarations on every lookup.
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Type);
}
