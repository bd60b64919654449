namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// Asks the writer to recompute one declared aggregate relationship between <paramref name="FromKey"/> and
/// <paramref name="ToKey"/> from the records on its path, after the batch's own records are written.
/// </summary>
public sealed record AggregateRefresh(AggregateRelationship Aggregate, string FromKey, string ToKey);
