using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Leases;

namespace OnePasswordGraph.Tests.Sync.Leases;

public sealed class LeasedSyncTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(3);
    private static readonly AccountSettings Account = new("acme", Events: null, Connect: null, BackfillStartTime: null);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly BlockingRunner _runner = new();
    private readonly ScriptedLease _lease = new();

    [Fact]
    public async Task TryRun_LeaseTakenByAnotherProcessDuringTheRun_StopsTheRunAndSaysTheLeaseWasLost()
    {
        var sync = new LeasedSync(_runner, _lease, _clock);
        var running = sync.TryRunAsync(Account, "me", LeaseDuration, CancellationToken.None);
        await _runner.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        _lease.Renewable = false;
        _clock.Advance(LeaseDuration / 3);
        var lost = await Assert.ThrowsAsync<LeaseLostException>(() => running);

        Assert.Contains("Account acme: another process took the account's lease during the run", lost.Message, StringComparison.Ordinal);
        Assert.True(_runner.SawCancellation);
        Assert.True(_lease.Released);
    }

    [Fact]
    public async Task TryRun_ShutdownDuringTheRun_IsACancellationNotALostLease()
    {
        var sync = new LeasedSync(_runner, _lease, _clock);
        using var shutdown = new CancellationTokenSource();
        var running = sync.TryRunAsync(Account, "me", LeaseDuration, shutdown.Token);
        await _runner.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await shutdown.CancelAsync();
        var stopped = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.IsNotType<LeaseLostException>(stopped);
        Assert.True(_lease.Released);
    }

    [Fact]
    public async Task RunWhenFree_LeaseReleasedWhileWaiting_RunsOnceItIsFree()
    {
        var sync = new LeasedSync(_runner, _lease, _clock);
        _runner.Release.SetResult();
        _lease.Available = false;
        var heard = new List<string?>();
        var waitedOnce = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var running = sync.RunWhenFreeAsync(Account, "me", LeaseDuration, TimeSpan.FromMinutes(1), state =>
        {
            heard.Add(state?.Holder);
            waitedOnce.TrySetResult();
            return Task.CompletedTask;
        }, CancellationToken.None);
        await waitedOnce.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _lease.Available = true;
        _clock.Advance(LeasedSync.WaitPoll);
        var summary = await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(summary);
        Assert.Equal(["other-host:42:run:abc123"], heard);
    }

    [Fact]
    public async Task RunWhenFree_LeaseHeldPastTheWait_GivesUpAtTheBound()
    {
        var sync = new LeasedSync(_runner, _lease, _clock);
        _lease.Available = false;
        var waits = 0;

        var running = sync.RunWhenFreeAsync(Account, "me", LeaseDuration, TimeSpan.FromSeconds(5), _ =>
        {
            waits++;
            return Task.CompletedTask;
        }, CancellationToken.None);
        while (!running.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        Assert.Null(await running);
        Assert.InRange(waits, 2, 7);
        Assert.False(_runner.Started.Task.IsCompleted);
    }

    [Fact]
    public async Task TryRun_WorkBeforeTheRun_RunsUnderTheLeaseAndFirst()
    {
        var sync = new LeasedSync(_runner, _lease, _clock);
        (bool LeaseHeld, bool RunStarted)? before = null;
        _runner.Release.SetResult();

        var summary = await sync.TryRunAsync(Account, "me", LeaseDuration, _ =>
        {
            before = (_lease.Held, _runner.Started.Task.IsCompleted);
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.NotNull(summary);
        Assert.Equal((true, false), before);
        Assert.True(_runner.Started.Task.IsCompleted);
    }

    [Fact]
    public async Task TryRun_LeaseHeldElsewhere_DoesNeitherTheWorkBeforeNorTheRun()
    {
        _lease.Available = false;
        var sync = new LeasedSync(_runner, _lease, _clock);
        var before = 0;

        var summary = await sync.TryRunAsync(Account, "me", LeaseDuration, _ => Task.FromResult(++before), CancellationToken.None);

        Assert.Null(summary);
        Assert.Equal(0, before);
        Assert.False(_runner.Started.Task.IsCompleted);
    }

    private sealed class BlockingRunner : ISyncRunner
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool SawCancellation { get; private set; }

        public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<SyncRunSummary> RunAsync(AccountSettings account, CancellationToken cancellationToken)
        {
            Started.SetResult();
            try
            {
                await Release.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }

            return new SyncRunSummary(account.Name, "run", DateTimeOffset.UnixEpoch, TimeSpan.Zero, []);
        }
    }

    private sealed class ScriptedLease : IAccountLease, ILeaseHandle
    {
        public bool Available { get; set; } = true;

        public bool Renewable { get; set; } = true;

        public bool Held { get; private set; }

        public bool Released { get; private set; }

        public int Reads { get; private set; }

        public Task<ILeaseHandle?> TryAcquireAsync(string account, string holder, TimeSpan duration, CancellationToken cancellationToken)
        {
            Held = Available;
            return Task.FromResult<ILeaseHandle?>(Available ? this : null);
        }

        public Task<LeaseState?> ReadAsync(string account, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<LeaseState?>(Available ? null : new LeaseState("other-host:42:run:abc123", null, DateTimeOffset.UnixEpoch));
        }

        public Task<bool> RenewAsync(CancellationToken cancellationToken) => Task.FromResult(Renewable);

        public ValueTask DisposeAsync()
        {
            Held = false;
            Released = true;
            return ValueTask.CompletedTask;
        }
    }
}
