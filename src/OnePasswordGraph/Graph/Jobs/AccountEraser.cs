using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph.Jobs;

/// <summary>
/// Removes everything recorded for one account: first the relationships it wrote, then its nodes that nothing else
/// is attached to, and its cursors. A node another account still uses (a person who works in several accounts, such
/// as a service provider's staff) keeps that account's relationships and is handed over to it, so erasing one account
/// never changes another's data. The lease stays, because it belongs to whoever holds it (the caller should). The demo
/// uses this to start each run from a clean scope.
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
        foreach (var label in _schema.RelationshipTypes.Select(r => r.Label).Distinct(StringComparer.Ordinal))
        {
            await ChunkedStatement.RunUntilDoneAsync(_runner, CleanupStatementBuilder.AccountRelationships(label), parameters, ChunkSize, cancellationToken).ConfigureAwait(false);
        }

        long removed = 0;
        foreach (var type in _schema.NodeTypes)
        {
            removed += await ChunkedStatement.RunUntilDoneAsync(
                _runner, CleanupStatementBuilder.AccountNodes(type), parameters, ChunkSize, cancellationToken).ConfigureAwait(false);
            await ChunkedStatement.RunUntilDoneAsync(
                _runner, CleanupStatementBuilder.SharedAccountNodes(type), parameters, ChunkSize, cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }
}
