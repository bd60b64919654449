using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Hosting;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Leases;
using OnePasswordGraph.Sync.Steps;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.Tests.Hosting;

public sealed class SyncWorkerTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private readonly WorkerClock _clock = new();
    private readonly FakeRunner _runner = new();
    private readonly FakeLease _lease = new();
    private readonly FakeLogger<SyncWorker> _logger = new();
    private readonly TestMeterFactory _meters = new();
    private int _intervalTimers;

    [Fact]
    public async Task Worker_FailingRuns_RetriesEachIntervalAndLogsTheReasonOnceUntilItChanges()
    {
        _runner.Fail = "auditevents: 401 revoked";
        using var worker = CreateSut(Account("acme"));
        await worker.StartAsync(CancellationToken.None);

        await _runner.NextRunAsync();
        await WaitForTimerAsync();
        _clock.Advance(Interval - TimeSpan.FromSeconds(1));
        var runsBeforeInterval = _runner.Runs;
        _clock.Advance(TimeSpan.FromSeconds(1));
        await _runner.NextRunAsync();
        await WaitForTimerAsync();
        _clock.Advance(Interval);
        await _runner.NextRunAsync();
        await WaitForTimerAsync();
        _runner.Fail = null;
        _clock.Advance(Interval);
        await _runner.NextRunAsync();
        await WaitForTimerAsync();
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(1, runsBeforeInterval);
        Assert.Equal(4, _runner.Runs);
        Assert.Single(Logged(7003), line => line.Contains("auditevents: 401 revoked", StringComparison.Ordinal));
        Assert.Equal(2, Logged(7004).Count);
        Assert.Single(Logged(7005), line => line.Contains("after 3 failed run(s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Worker_RunThrows_CountsAsAFailedRunAndKeepsTheSchedule()
    {
        _runner.Throw = new Neo4jException(Neo4jErrorKind.Unreachable, "Neo4j is unreachable at http://127.0.0.1:7474/.");
        using var worker = CreateSut(Account("acme"));
        await worker.StartAsync(CancellationToken.None);

        await _runner.NextRunAsync();
        await WaitForTimerAsync();
        _clock.Advance(Interval);
        await _runner.NextRunAsync();
        await WaitForTimerAsync();
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(2, _runner.Runs);
        Assert.Single(Logged(7003), line => line.Contains("Neo4j is unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Worker_LeaseHeldElsewhere_FetchesNothingAndTriesAgainNextInterval()
    {
        _lease.Available = false;
        using var worker = CreateSut(Account("acme"));
        await worker.StartAsync(CancellationToken.None);

        await _lease.NextAttemptAsync();
        await WaitForTimerAsync();
        _lease.Available = true;
        _clock.Advance(Interval);
        await _runner.NextRunAsync();
        await WaitForTimerAsync();
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(2, _lease.Attempts);
        Assert.Equal(1, _runner.Runs);
        Assert.Single(Logged(7006));
    }

    [Fact]
    public async Task Worker_OneAccountFailing_DoesNotDelayOrStopAnother()
    {
        _runner.FailAccount = "broken";
        using var worker = CreateSut(Account("broken"), Account("healthy"));
        await worker.StartAsync(CancellationToken.None);

        await _runner.NextRunAsync();
        await _runner.NextRunAsync();
        await WaitForTimerAsync(count: 2);
        _clock.Advance(Interval);
        await _runner.NextRunAsync();
        await _runner.NextRunAsync();
        await WaitForTimerAsync(count: 2);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(2, _runner.RunsOf("healthy"));
        Assert.Equal(2, _runner.RunsOf("broken"));
        Assert.All(Logged(7003), line => Assert.Contains("broken", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Worker_StopRequestedDuringARun_LetsTheRunEndAndStartsNoOther()
    {
        _runner.Block = new TaskCompletionSource();
        using var worker = CreateSut(Account("acme"));
        await worker.StartAsync(CancellationToken.None);
        await _runner.NextRunAsync();

        var stopping = worker.StopAsync(CancellationToken.None);
        Assert.True(_runner.LastToken.IsCancellationRequested);
        _runner.Block.SetResult();
        await stopping;

        _clock.Advance(Interval);
        Assert.Equal(1, _runner.Runs);
        Assert.Equal(0, _clock.Armed(Interval));
        Assert.True(_lease.Released);
    }

    [Fact]
    public async Task Worker_MoreAccountsThanTurns_RunsTheRestWhenATurnFrees()
    {
        _runner.Block = new TaskCompletionSource();
        using var worker = CreateSut(maxConcurrentAccounts: 2, Account("a"), Account("b"), Account("c"));
        await worker.StartAsync(CancellationToken.None);
        await _runner.NextRunAsync();
        await _runner.NextRunAsync();

        // Without a bound all three runs would have started by now: the fake runner blocks without yielding a turn.
        var startedWhileBlocked = _runner.Runs;
        _runner.Block.SetResult();
        await _runner.NextRunAsync();
        await WaitForTimerAsync(count: 3);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(2, startedWhileBlocked);
        Assert.Equal(1, _runner.RunsOf("c"));
    }

    public void Dispose() => _meters.Dispose();

    private SyncWorker CreateSut(params AccountSettings[] accounts) => CreateSut(maxConcurrentAccounts: 4, accounts);

    private SyncWorker CreateSut(int maxConcurrentAccounts, params AccountSettings[] accounts)
    {
        var neo4j = new Neo4jSettings(new Uri("http://127.0.0.1:7474"), "neo4j", "unused", "neo4j", 1000, TimeSpan.FromSeconds(5));
        var configuration = new ResolvedConfiguration(accounts, neo4j, new ScheduleSettings(Interval, TimeSpan.Zero, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30), maxConcurrentAccounts), null, [], AlertSettings.Default, DeliverySettings.None);
        return new SyncWorker(configuration, new LeasedSync(_runner, _lease, _clock), new SyncMetrics(_meters), _clock, _logger);
    }

    private static AccountSettings Account(string name) => new(name, null, null, null);

    private List<string> Logged(int eventId) => [.. _logger.Collector.GetSnapshot().Where(record => record.Id.Id == eventId).Select(record => record.Message)];

    // The worker arms its interval timer right after a run returns, on another thread; waiting for that timer to
    // exist is what makes the next Advance meaningful. Bounded so a broken worker fails the test instead of hanging it.
    private async Task WaitForTimerAsync(int count = 1)
    {
        _intervalTimers += count;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (_clock.Armed(Interval) < _intervalTimers)
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }

    // The worker arms its next run's timer on another thread; FakeTimeProvider does not say which timers exist, so
    // this one counts them by due time.
    private sealed class WorkerClock() : FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero))
    {
        private readonly ConcurrentDictionary<TimeSpan, int> _armed = new();

        public int Armed(TimeSpan dueTime) => _armed.GetValueOrDefault(dueTime);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _armed.AddOrUpdate(dueTime, 1, (_, count) => count + 1);
            return timer;
        }
    }

    private sealed class FakeRunner : ISyncRunner
    {
        private readonly Channel<string> _runs = Channel.CreateUnbounded<string>();
        private readonly List<string> _accounts = [];

        public string? Fail { get; set; }

        public string? FailAccount { get; set; }

        public Exception? Throw { get; set; }

        public TaskCompletionSource? Block { get; set; }

        public CancellationToken LastToken { get; private set; }

        public int Runs
        {
            get
            {
                lock (_accounts)
                {
                    return _accounts.Count;
                }
            }
        }

        public int RunsOf(string account)
        {
            lock (_accounts)
            {
                return _accounts.Count(a => a == account);
            }
        }

        public async Task NextRunAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _runs.Reader.ReadAsync(timeout.Token);
        }

        public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<SyncRunSummary> RunAsync(AccountSettings account, CancellationToken cancellationToken)
        {
            LastToken = cancellationToken;
            lock (_accounts)
            {
                _accounts.Add(account.Name);
            }

            _runs.Writer.TryWrite(account.Name);
            if (Block is { } block)
            {
                await block.Task;
            }

            if (Throw is { } exception)
            {
                throw exception;
            }

            var failed = Fail ?? (account.Name == FailAccount ? "items: vault V1 answered 500" : null);
            var step = failed is null
                ? new StepResult("account", StepStatus.Success, new Dictionary<string, long>(), TimeSpan.Zero, null)
                : new StepResult(failed.Split(':')[0], StepStatus.Failure, new Dictionary<string, long>(), TimeSpan.Zero, failed[(failed.IndexOf(':', StringComparison.Ordinal) + 2)..]);
            return new SyncRunSummary(account.Name, "run", DateTimeOffset.UnixEpoch, TimeSpan.Zero, [step]);
        }
    }
}
