namespace OnePasswordGraph.Graph.Schema;

/// <summary>A declared property of a node or relationship type.</summary>
/// <param name="Name">The property name as stored in Neo4j (camelCase; JupiterOne's name where it has one).</param>
/// <param name="Kind">The value type.</param>
/// <param name="Description">What the property holds, for docs/data-model.md.</param>
/// <param name="Indexed">Whether a Neo4j index backs lookups by this property.</param>
public sealed record PropertyDefinition(string Name, PropertyKind Kind, string Description, bool Indexed = false)
{
    /// <summary>Finds <paramref name="name"/> in <paramref name="declared"/>; called for every property written, so without allocating.</summary>
    public static PropertyDefinition? Find(IReadOnlyList<PropertyDefinition> declared, string name)
    {
        ArgumentNullException.ThrowIfNull(declared);
        for (var i = 0; i < declared.Count; i++)
        {
            if (string.Equals(declared[i].Name, name, StringComparison.Ordinal))
            {
                return declared[i];
            }
        }

        return null;
    }
}
