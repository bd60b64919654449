namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// A declared node type. Its Neo4j labels are <see cref="Type"/> and <see cref="Class"/>, plus any of
/// <see cref="RoleLabels"/> an entity carries; it is keyed by <c>_key</c>, unique per <see cref="Type"/>.
/// </summary>
public sealed record NodeType(
    string Type,
    string? Class,
    string Description,
    NodeWriteMode WriteMode,
    IReadOnlyList<PropertyDefinition> Properties,
    IReadOnlyList<string> RoleLabels)
{
    /// <summary>
    /// Gets how a node's identity relates to accounts: a person can work in several accounts (a service provider's
    /// staff), while an event, vault or item belongs to one, and bookkeeping keys name their account.
    /// </summary>
    public AccountScope AccountScope { get; init; } = AccountScope.OwnedByOneAccount;

    /// <summary>
    /// Gets a value indicating whether each node of this type is one account's (owned or keyed by account): what
    /// another account's relationships must never reach. People are shared, so they are not.
    /// </summary>
    public bool BelongsToOneAccount => AccountScope != AccountScope.SharedAcrossAccounts;

    /// <summary>Gets a value indicating whether nodes of this type are inventory that stale cleanup may mark inactive.</summary>
    public bool IsInventory => Properties.Any(p => p.Name == GraphProperties.Active);

    /// <summary>Gets the labels every node of this type carries.</summary>
    public IEnumerable<string> Labels => Class is null ? [Type] : [Type, Class];

    /// <summary>Finds a declared property by name.</summary>
    public PropertyDefinition? Property(string name) => PropertyDefinition.Find(Properties, name);

    // Types key the writer's per-page groupings (thousands of lookups a page); the synthesized hash would walk the
    // description and every other member each time. Equal declarations have equal names, so equality is unchanged.
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Type);
}
