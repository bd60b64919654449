namespace OnePasswordGraph.Sync.Status;

/// <summary>What the graph knows about one account's syncs: its last run, each stream's cursor, its lease, and what it holds.</summary>
public sealed record AccountStatus(
    string Account,
    LastRunStatus? LastRun,
    IReadOnlyList<StreamStatus> Streams,
    string? LeaseHolder,
    DateTimeOffset? LeaseExpiresOn,
    IReadOnlyDictionary<string, long> NodeCounts,
    IReadOnlyDictionary<string, long> RelationshipCounts);
