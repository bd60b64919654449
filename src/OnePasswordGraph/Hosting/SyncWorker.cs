using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Hosting.Internal;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Leases;

namespace OnePasswordGraph.Hosting;

/// <summary>
/// The scheduled worker: one loop per account, each syncing under the account's lease, then waiting the interval
/// plus jitter. An account's runs never overlap (one loop, one lease), and one account's failure never delays
/// another's. A failed run is retried at the next interval; its reason is logged once until it changes.
/// At most <see cref="ScheduleSettings.MaxConcurrentAccounts"/> accounts run at once; the others wait their turn.
/// On shutdown the run in progress writes the page in flight with its cursor, releases the lease and stops.
/// </summary>
public sealed class SyncWorker : BackgroundService
{
    private readonly ResolvedConfiguration _configuration;
    private readonly LeasedSync _sync;
    private readonly SyncMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly string _holder;
    private readonly SemaphoreSlim _turns;

    public SyncWorker(ResolvedConfiguration configuration, LeasedSync sync, SyncMetrics metrics, TimeProvider timeProvider, ILogger<SyncWorker> logger)
    {
        _configuration = configuration;
        _sync = sync;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        _holder = LeaseHolder.Create("run");
        _turns = new SemaphoreSlim(configuration.Schedule.MaxConcurrentAccounts, configuration.Schedule.MaxConcurrentAccounts);
    }

    public override void Dispose()
    {
        _turns.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WorkerLog.Started(_logger, _configuration.Accounts.Count, _configuration.Schedule.Interval, _configuration.Schedule.Jitter);
        await Task.WhenAll(_configuration.Accounts.Select(account => RunAccountAsync(account, stoppingToken))).ConfigureAwait(false);
        WorkerLog.Stopped(_logger);
    }

    private async Task RunAccountAsync(AccountSettings account, CancellationToken stoppingToken)
    {
        var schedule = _configuration.Schedule;
        string? lastFailure = null;
        var repeats = 0;
        var delay = Jitter(schedule.Jitter);
        while (await WaitAsync(delay, stoppingToken).ConfigureAwait(false))
        {
            if (!await TakeTurnAsync(stoppingToken).ConfigureAwait(false))
            {
                break;
            }

            string? failure;
            try
            {
                failure = await RunOnceAsync(account, schedule, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                _turns.Release();
            }

            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            delay = schedule.Interval + Jitter(schedule.Jitter);
            var nextRun = _timeProvider.GetUtcNow() + delay;
            if (failure is null)
            {
                if (lastFailure is not null)
                {
                    WorkerLog.Recovered(_logger, account.Name, repeats + 1);
                }

                lastFailure = null;
                repeats = 0;
            }
            else if (string.Equals(failure, lastFailure, StringComparison.Ordinal))
            {
                repeats++;
                WorkerLog.StillFailing(_logger, account.Name, repeats + 1, nextRun);
            }
            else
            {
                lastFailure = failure;
                repeats = 0;
                WorkerLog.RunFailed(_logger, account.Name, failure, nextRun);
            }
        }
    }

    // Returns why the run failed, or null when it succeeded or another process holds the lease.
    private async Task<string?> RunOnceAsync(AccountSettings account, ScheduleSettings schedule, CancellationToken stoppingToken)
    {
        try
        {
            var summary = await _sync.TryRunAsync(account, _holder, schedule.LeaseDuration, stoppingToken).ConfigureAwait(false);
            if (summary is null)
            {
                _metrics.AttemptFinished(account.Name, SyncAttemptResult.LeaseBusy);
                var lease = await _sync.ReadLeaseAsync(account.Name, stoppingToken).ConfigureAwait(false);
                WorkerLog.LeaseBusy(_logger, account.Name, lease?.Holder ?? "a process that has released it since", lease?.ExpiresOn);
                return null;
            }

            _metrics.AttemptFinished(account.Name, summary.Succeeded ? SyncAttemptResult.Succeeded : SyncAttemptResult.Failed);
            return summary.Succeeded ? null : RunSummaryText.Failures(summary);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex)
        {
            // Anything a run throws (Neo4j down while taking the lease, say) is that run's failure, never the worker's.
            _metrics.AttemptFinished(account.Name, SyncAttemptResult.Failed);
            return ex.Message;
        }
    }

    private async Task<bool> TakeTurnAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _turns.WaitAsync(stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, _timeProvider, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static TimeSpan Jitter(TimeSpan most) =>
        most <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * most.TotalMilliseconds);
}
