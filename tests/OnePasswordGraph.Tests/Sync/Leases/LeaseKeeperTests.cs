using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Sync.Leases;

namespace OnePasswordGraph.Tests.Sync.Leases;

public sealed class LeaseKeeperTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DisposeAsync_WhileARenewalIsInFlight_ReleasesOnlyAfterTheRenewalAnswered()
    {
        var clock = new FakeTimeProvider();
        var lease = new SlowLease();
        var keeper = await LeaseKeeper.TryHoldAsync(lease, "acme", "worker-1", Duration, clock, CancellationToken.None);
        clock.Advance(Duration / 3);
        await lease.RenewalStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var disposing = keeper!.DisposeAsync().AsTask();
        await Task.Yield();

        Assert.Equal(["acquired", "renew started"], lease.Calls);
        lease.AnswerRenewal.SetResult(true);
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["acquired", "renew started", "renew answered", "released"], lease.Calls);
    }

    [Fact]
    public async Task TryHoldAsync_CancelledWhileTakingTheLease_ReleasesWhatNeo4jGaveAndThrows()
    {
        using var shutdown = new CancellationTokenSource();
        var lease = new SlowLease { OnAcquire = shutdown.Cancel };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => LeaseKeeper.TryHoldAsync(lease, "acme", "worker-1", Duration, new FakeTimeProvider(), shutdown.Token));

        Assert.Equal(["acquired", "released"], lease.Calls);
    }

    // A lease whose renewal answers only when the test says so, as a busy Neo4j would; it ignores cancellation, as a
    // statement already sent to Neo4j does.
    private sealed class SlowLease : IAccountLease, ILeaseHandle
    {
        public List<string> Calls { get; } = [];

        public Action? OnAcquire { get; init; }

        public TaskCompletionSource RenewalStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> AnswerRenewal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<ILeaseHandle?> TryAcquireAsync(string account, string holder, TimeSpan duration, CancellationToken cancellationToken)
        {
            Calls.Add("acquired");
            OnAcquire?.Invoke();
            return Task.FromResult<ILeaseHandle?>(this);
        }

        public Task<LeaseState?> ReadAsync(string account, CancellationToken cancellationToken) => Task.FromResult<LeaseState?>(null);

        public async Task<bool> RenewAsync(CancellationToken cancellationToken)
        {
            Calls.Add("renew started");
            RenewalStarted.TrySetResult();
            var renewed = await AnswerRenewal.Task.WaitAsync(cancellationToken);
            Calls.Add("renew answered");
            return renewed;
        }

        public ValueTask DisposeAsync()
        {
            Calls.Add("released");
            return ValueTask.CompletedTask;
        }
    }
}
