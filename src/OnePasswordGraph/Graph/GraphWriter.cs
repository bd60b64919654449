using System.Globalization;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph;

/// <summary>
/// Writes nodes and relationships to Neo4j in batches, one statement (and so one transaction) per batch
/// (the runner retries transient failures). Every write is an idempotent <c>MERGE</c>: sending the same batch again changes nothing.
/// A write never changes another account's node or adds to it; such rows are skipped, logged and counted in <see cref="Conflicts"/>.
/// </summary>
public sealed class GraphWriter
{
    private readonly ICypherRunner _runner;
    private readonly GraphSchema _schema;
    private readonly int _batchSize;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public GraphWriter(ICypherRunner runner, GraphSchema schema, int batchSize, TimeProvider timeProvider, ILogger<GraphWriter> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _runner = runner;
        _schema = schema;
        _batchSize = batchSize;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Gets the count of writes skipped because another account holds the node, per writing account.</summary>
    public AccountConflictTally Conflicts { get; } = new();

    /// <summary>Writes <paramref name="changes"/> in batches of the configured size. Returns the number of rows written.</summary>
    /// <exception cref="GraphValidationException">The changes do not fit the schema; nothing was sent.</exception>
    public async Task<int> WriteAsync(GraphChanges changes, GraphWriteContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ChangeValidator.Validate(_schema, changes, checkpoint: null);
        var written = 0;
        foreach (var batch in BatchPlanner.Plan(changes, context, _batchSize))
        {
            await RunAsync(batch, checkpoint: null, context, cancellationToken).ConfigureAwait(false);
            written += batch.RowCount;
        }

        return written;
    }

    /// <summary>
    /// Writes <paramref name="changes"/> and then <paramref name="checkpoint"/> in one statement, whatever their size:
    /// the checkpoint is stored if and only if every change is. The caller keeps the changes to a sensible size (a page).
    /// </summary>
    /// <exception cref="GraphValidationException">The changes or the checkpoint do not fit the schema; nothing was sent.</exception>
    public Task WriteWithCheckpointAsync(GraphChanges changes, GraphEntity checkpoint, GraphWriteContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ChangeValidator.Validate(_schema, changes, checkpoint);
        return RunAsync(BatchPlanner.PlanSingle(changes, context), checkpoint, context, cancellationToken);
    }

    private async Task RunAsync(PlannedWrite batch, GraphEntity? checkpoint, GraphWriteContext context, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["observedOn"] = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            ["syncTag"] = context.SyncTag,
        };
        for (var i = 0; i < batch.Rows.Count; i++)
        {
            parameters["p" + i.ToString(CultureInfo.InvariantCulture)] = batch.Rows[i];
        }

        if (checkpoint is not null)
        {
            parameters["checkpoint"] = BatchPlanner.NodeRow(checkpoint, context);
        }

        var statement = new CypherStatement(WriteStatementBuilder.Build(batch.Parts, checkpoint?.Type), parameters);
        var check = ConflictCheck.For(batch, context.Account);
        var started = _timeProvider.GetTimestamp();
        var results = await _runner.RunAsync(check is null ? [statement] : [check, statement], cancellationToken).ConfigureAwait(false);
        var elapsed = _timeProvider.GetElapsedTime(started);
        Neo4jLog.BatchWritten(_logger, batch.RowCount, (long)elapsed.TotalMilliseconds);
        if (check is not null && results[0].Rows.Count > 0)
        {
            Report(context.Account, [.. results[0].Rows.Select(row => new AccountConflict((string)row[0]!, (string)row[1]!, row[2] as string ?? "?"))]);
        }
    }

    private void Report(string account, IReadOnlyList<AccountConflict> conflicts)
    {
        Conflicts.Add(account, conflicts.Count);
        foreach (var group in conflicts.GroupBy(c => (c.Owner, c.Type)))
        {
            Neo4jLog.AccountConflict(_logger, account, group.Count(), group.Key.Type, group.Key.Owner, string.Join(", ", group.Take(3).Select(c => c.Key)));
        }
    }
}
