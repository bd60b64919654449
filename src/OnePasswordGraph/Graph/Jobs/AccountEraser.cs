using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph.Jobs;

/// <summary>
/// Removes everything recorded for one account: its nodes of every declared type, their relationships and its
/// cursors. The lease stays, because it belongs to whoever holds it (the caller should). The demo uses this to start
/// each run from a clean scope; nothing of other accounts is touched.
/// </summary>
public sealed class AccountEraser
{
    private const int ChunkSize = 10_000;

    private readonly ICypherRunner _runner;
    private readonly GraphSchema _schema;

    public AccountEraser(ICypherRunner runner, GraphSchema schema)
    {
        _runner = runner;
        _schema = schema;
    }

    /// <summary>Erases <paramref name="account"/>'s part of the graph and returns how many nodes were removed.</summary>
    public async Task<long> EraseAsync(string account, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["account"] = account, ["keep"] = new List<string> { Neo4jAccountLease.KeyOf(account) } };
        long removed = 0;
        foreach (var type in _schema.NodeTypes)
        {
            removed += await ChunkedStatement.RunUntilDoneAsync(
                _runner, CleanupStatementBuilder.AccountNodes(type), parameters, ChunkSize, cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }
}
