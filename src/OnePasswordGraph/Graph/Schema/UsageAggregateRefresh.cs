namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// Asks the writer to recompute the <c>(user)-[:USED]->(secret)</c> aggregate of one pair from the item usage event
/// nodes, after the batch's own events are written. Recomputing (rather than incrementing) keeps it exact when a page
/// is replayed.
/// </summary>
public sealed record UsageAggregateRefresh(string UserKey, string SecretKey);
