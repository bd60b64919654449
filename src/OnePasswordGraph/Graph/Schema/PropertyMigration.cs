namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// Changes that existing graphs go through once: property renames, and the removal of relationships of
/// <paramref name="CrossAccountLinks"/> whose own account is not their target's (links an earlier version wrote across
/// accounts). <paramref name="Id"/> names the record of it having run (a sync-state node), so a migration never runs
/// twice; a changed set of changes needs a new id.
/// </summary>
public sealed record PropertyMigration(string Id, string Description, IReadOnlyList<PropertyRename> Renames, IReadOnlyList<RelationshipType>? CrossAccountLinks = null)
{
    /// <summary>Gets the relationship types whose cross-account links the migration removes (none for a rename).</summary>
    public IReadOnlyList<RelationshipType> RemovedLinks => CrossAccountLinks ?? [];
}
