using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;

namespace OnePasswordGraph.Graph.Jobs;

/// <summary>
/// The reads behind <c>status</c>, generated from the schema: the account's sync-state nodes, then a count per node
/// type and per relationship label of what the account wrote.
/// </summary>
public static class AccountStatusQueries
{
    /// <summary>Gets the columns <see cref="States"/> returns, in order.</summary>
    public static IReadOnlyList<string> StateColumns { get; } =
        ["stream", "updatedOn", "lastEventTimestamp", "eventsWritten", "lastRunId", "lastRunOutcome", "lastRunStartedOn", "lastRunFinishedOn", "lastRunSummary", "leaseHolder", "leaseExpiresOn", "lastSucceededOn"];

    /// <summary>Reads the sync-state nodes whose keys are <c>$keys</c>.</summary>
    public static string States { get; } =
        $"MATCH (s:{Name(SyncState.Type)}) WHERE s.{Property(SyncState, GraphProperties.Key)} IN $keys RETURN {Returns("s", SyncState, [.. StateColumns])}";

    /// <summary>Counts the nodes of <paramref name="type"/> that <c>$account</c> wrote.</summary>
    public static string NodeCount(NodeType type) =>
        $"MATCH (n:{Name(type.Type)}) WHERE n.{Property(type, GraphProperties.Account)} = $account RETURN count(n) AS c";

    /// <summary>Counts, per <c>_type</c>, the relationships labelled <paramref name="label"/> that <c>$account</c> wrote.</summary>
    public static string RelationshipCounts(string label) =>
        $"MATCH ()-[r:{Name(label)}]->() WHERE r.{Name(GraphProperties.Account)} = $account RETURN r.{Name(GraphProperties.Type)} AS type, count(r) AS c";
}
