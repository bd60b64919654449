namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// Renames that existing graphs go through once. <paramref name="Id"/> names the record of it having run (a sync-state
/// node), so a migration never runs twice; a changed set of renames needs a new id.
/// </summary>
public sealed record PropertyMigration(string Id, string Description, IReadOnlyList<PropertyRename> Renames);
