namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// Adds the record <paramref name="RecordKey"/> (a node of the aggregate's record type written by the same batch) to
/// the declared aggregate relationship between <paramref name="FromKey"/> and <paramref name="ToKey"/>. The writer
/// counts the record only when the batch itself creates it, so a replayed batch leaves the aggregate as it was.
/// </summary>
public sealed record AggregateRefresh(AggregateRelationship Aggregate, string FromKey, string ToKey, string RecordKey);
