namespace OnePasswordGraph.Graph.Schema;

/// <summary>What one write carries: nodes, relationships and the aggregates to refresh afterwards.</summary>
public sealed record GraphChanges(
    IReadOnlyList<GraphEntity> Entities,
    IReadOnlyList<GraphRelationship> Relationships,
    IReadOnlyList<AggregateRefresh>? AggregateRefreshes = null)
{
    /// <summary>Gets a change set with nothing in it.</summary>
    public static GraphChanges Empty { get; } = new([], []);

    /// <summary>Gets the number of rows the changes take in a statement.</summary>
    public int RowCount => Entities.Count + Relationships.Count + (AggregateRefreshes?.Count ?? 0);
}
