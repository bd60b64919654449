using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;

namespace OnePasswordGraph.Graph.Jobs;

/// <summary>
/// Reads the sync-state nodes (one per account and stream). They are written by the writer, in the same statement as
/// the data they describe.
/// </summary>
public sealed class SyncStateStore
{
    internal static readonly string ReadQuery =
        $"MATCH (s:{Name(OnePasswordNodeTypes.SyncState.Type)} {{{Property(OnePasswordNodeTypes.SyncState, GraphProperties.Key)}: $key}}) "
        + $"RETURN {Returns("s", OnePasswordNodeTypes.SyncState, "cursor", "apiVersion", "lastEventTimestamp")}";

    private readonly ICypherRunner _runner;

    public SyncStateStore(ICypherRunner runner)
    {
        _runner = runner;
    }

    /// <summary>Gets the key of the sync-state node of <paramref name="stream"/> in <paramref name="account"/>.</summary>
    public static string Key(string account, string stream) => $"{account}:{stream}";

    /// <summary>Builds the node that records <paramref name="properties"/> on the sync state of a stream.</summary>
    public static GraphEntity Entity(string account, string stream, IReadOnlyDictionary<string, object?> properties)
    {
        var all = new Dictionary<string, object?>(properties, StringComparer.Ordinal) { ["stream"] = stream };
        return new GraphEntity(OnePasswordNodeTypes.SyncState, Key(account, stream), all);
    }

    /// <summary>Reads the stored state of a stream, or null when it never ran.</summary>
    public async Task<StreamState?> ReadAsync(string account, string stream, CancellationToken cancellationToken)
    {
        var statement = new CypherStatement(
            ReadQuery,
            new Dictionary<string, object?> { ["key"] = Key(account, stream) });
        var results = await _runner.RunAsync([statement], cancellationToken).ConfigureAwait(false);
        return results[0].Rows is [var row, ..] ? new StreamState(row[0] as string, row[1] as string, row[2] as long?) : null;
    }
}
