using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.Sync.Status;

/// <summary>Reads an account's sync state and counts from the graph, for <c>status</c>. Reads only.</summary>
public sealed class AccountStatusReader
{
    private readonly ICypherRunner _runner;
    private readonly GraphSchema _schema;

    public AccountStatusReader(ICypherRunner runner)
    {
        _runner = runner;
        _schema = GraphSchema.OnePassword;
    }

    public async Task<AccountStatus> ReadAsync(string account, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["account"] = account,
            ["keys"] = EventStreamKindExtensions.AllFeatures.Append("run").Append("lease").Select(stream => SyncStateStore.Key(account, stream)).ToList(),
        };
        var nodeTypes = _schema.NodeTypes.Where(n => n != OnePasswordNodeTypes.SyncState).ToList();
        var labels = _schema.RelationshipTypes.Select(r => r.Label).Distinct(StringComparer.Ordinal).ToList();
        List<CypherStatement> statements =
        [
            new(AccountStatusQueries.States, parameters),
            .. nodeTypes.Select(n => new CypherStatement(AccountStatusQueries.NodeCount(n), parameters)),
            .. labels.Select(l => new CypherStatement(AccountStatusQueries.RelationshipCounts(l), parameters)),
        ];
        var results = await _runner.RunAsync(statements, cancellationToken).ConfigureAwait(false);

        var states = results[0].Rows.ToDictionary(row => row[0] as string ?? string.Empty, row => row, StringComparer.Ordinal);
        var run = states.GetValueOrDefault("run") is { } r && r[4] is string runId
            ? new LastRunStatus(runId, r[5] as string ?? "unknown", Time(r[6]) ?? default, Time(r[7]) ?? default, r[8] as string, LastSuccess(r))
            : null;
        var streams = EventStreamKindExtensions.AllFeatures.Select(stream => states.GetValueOrDefault(stream) is { } s
            ? new StreamStatus(stream, Time(s[1]), Time(s[2]), EventsWrittenSince(run, Time(s[1]), s[3] as long?))
            : new StreamStatus(stream, null, null, null)).ToList();
        var lease = states.GetValueOrDefault("lease");
        var nodeCounts = nodeTypes.Select((n, i) => (n.Type, Count: results[1 + i].Rows[0][0] as long? ?? 0))
            .Where(c => c.Count > 0).ToDictionary(c => c.Type, c => c.Count, StringComparer.Ordinal);
        var relationshipCounts = results.Skip(1 + nodeTypes.Count).SelectMany(result => result.Rows)
            .Where(row => row[0] is string).ToDictionary(row => (string)row[0]!, row => row[1] as long? ?? 0, StringComparer.Ordinal);
        return new AccountStatus(account, run, streams, lease?[9] as string, Time(lease?[10]), nodeCounts, relationshipCounts);
    }

    // A run that finds nothing new leaves the stream's node untouched, so its counter still belongs to an older run.
    private static long? EventsWrittenSince(LastRunStatus? run, DateTimeOffset? cursorUpdatedOn, long? written) =>
        run is not null && cursorUpdatedOn < run.StartedOn ? 0 : written;

    // Runs recorded before lastSucceededOn existed name a success only when the last run was one.
    private static DateTimeOffset? LastSuccess(IReadOnlyList<object?> run) =>
        Time(run[11]) ?? (run[5] as string == "succeeded" ? Time(run[7]) : null);

    private static DateTimeOffset? Time(object? epochMilliseconds) =>
        epochMilliseconds is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
