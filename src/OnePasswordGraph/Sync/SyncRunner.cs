using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sources;
using OnePasswordGraph.Sync.Internal;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Sync;

/// <summary>
/// Runs one sync of one account: applies the graph schema once per process, runs the account's steps, and stores and
/// logs the run summary on the account's <c>run</c> sync-state node.
/// </summary>
public sealed class SyncRunner : ISyncRunner, IDisposable
{
    private readonly GraphSchemaInstaller _installer;
    private readonly GraphWriter _writer;
    private readonly StepExecutor _executor;
    private readonly AccountStepFactory _steps;
    private readonly SyncMetrics _metrics;
    private readonly AlertRunner _alerts;
    private readonly AlertOutbox _outbox;
    private readonly RuleSet _rules;
    private readonly AlertSettings _alertSettings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private readonly ConcurrentDictionary<string, AccountSources> _sources = new(StringComparer.Ordinal);
    private bool _schemaApplied;

    public SyncRunner(
        GraphSchemaInstaller installer,
        GraphWriter writer,
        StepExecutor executor,
        AccountStepFactory steps,
        SyncMetrics metrics,
        AlertRunner alerts,
        AlertOutbox outbox,
        RuleSet rules,
        AlertSettings alertSettings,
        TimeProvider timeProvider,
        ILogger<SyncRunner> logger)
    {
        _metrics = metrics;
        _alerts = alerts;
        _outbox = outbox;
        _rules = rules;
        _alertSettings = alertSettings;
        _installer = installer;
        _writer = writer;
        _executor = executor;
        _steps = steps;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<SyncRunSummary> RunAsync(AccountSettings account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await PrepareAsync(cancellationToken).ConfigureAwait(false);
        var started = _timeProvider.GetUtcNow();
        var startedTimestamp = _timeProvider.GetTimestamp();
        var runId = string.Create(CultureInfo.InvariantCulture, $"{started:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..6]}");
        var sources = _sources.GetOrAdd(account.Name, _ => _steps.CreateSources(account));
        var results = await _executor.RunAsync(_steps.Create(account, sources), account, runId, cancellationToken).ConfigureAwait(false);
        var conflicts = _writer.Conflicts.Take(account.Name);
        _metrics.AccountConflicts(account.Name, conflicts);
        var alerts = await RunAlertsAsync(account, cancellationToken).ConfigureAwait(false);
        var delivery = await DeliverAsync(account, cancellationToken).ConfigureAwait(false);
        var summary = new SyncRunSummary(account.Name, runId, started, _timeProvider.GetElapsedTime(startedTimestamp), results, alerts, delivery, conflicts);
        await StoreAsync(summary, cancellationToken).ConfigureAwait(false);
        _metrics.RunFinished(account.Name, summary.Succeeded, summary.Duration, summary.Steps.Where(s => s.Status is not (StepStatus.Success or StepStatus.Skipped)).Select(s => s.StepId));
        SyncLog.RunFinished(_logger, account.Name, runId, summary.Succeeded ? "succeeded" : "failed", (long)summary.Duration.TotalMilliseconds, RunSummaryText.Describe(summary));
        return summary;
    }

    public void Dispose()
    {
        _schemaGate.Dispose();
        foreach (var sources in _sources.Values)
        {
            sources.Dispose();
        }
    }

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_schemaApplied)
            {
                await _installer.ApplyAsync(cancellationToken).ConfigureAwait(false);
                if (_alertSettings.Enabled)
                {
                    _alerts.ReportProblems(_rules);
                }

                _schemaApplied = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    // The rules look at what the sync just wrote. Whatever they do, the sync's own outcome stands: a failing rule is
    // reported in the summary, never thrown, and a shutdown skips them (they catch up from their watermark next run).
    private async Task<AlertRunSummary?> RunAlertsAsync(AccountSettings account, CancellationToken cancellationToken)
    {
        if (!_alertSettings.Enabled || cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        try
        {
            return await _alerts.RunAsync(account.Name, _rules, _alertSettings.Bound(AlertRunOptions.Default), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    // Findings of this run and those earlier runs could not deliver go out now. Like the rules, delivery never changes
    // the sync's outcome: what a channel still owes stays in the graph for the next run and shows in `status`.
    private async Task<DeliveryRunSummary?> DeliverAsync(AccountSettings account, CancellationToken cancellationToken)
    {
        if (!_alertSettings.Enabled || _outbox.ChannelNames.Count == 0 || cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        try
        {
            return await _outbox.DeliverAsync(account.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (OnePasswordGraphException failure)
        {
            // Neo4j failing while the outbox reads or records: nothing was lost, the next run starts over from the graph.
            return new DeliveryRunSummary(account.Name, [.. _outbox.ChannelNames.Select(c => new ChannelDeliveryResult(c, 0, 0, 0, failure.Message))]);
        }
    }

    private Task<int> StoreAsync(SyncRunSummary summary, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, object?>
        {
            ["lastRunId"] = summary.RunId,
            ["lastRunOutcome"] = summary.Succeeded ? "succeeded" : "failed",
            ["lastRunSummary"] = RunSummaryText.Json(summary),
            ["lastRunStartedOn"] = summary.StartedAt.ToUnixTimeMilliseconds(),
            ["lastRunFinishedOn"] = (summary.StartedAt + summary.Duration).ToUnixTimeMilliseconds(),
            ["updatedOn"] = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
        };

        // Written only by a success, so a failing streak keeps the time of the last good run for sync-stale and status.
        if (summary.Succeeded)
        {
            properties["lastSucceededOn"] = properties["lastRunFinishedOn"];
        }

        var state = SyncStateStore.Entity(summary.Account, "run", properties);

        // The summary is bookkeeping of a run that already ended: a shutdown must not lose it.
        _ = cancellationToken;
        return _writer.WriteAsync(new GraphChanges([state], []), new GraphWriteContext(summary.Account), CancellationToken.None);
    }
}
