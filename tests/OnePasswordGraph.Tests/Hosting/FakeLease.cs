using System.Threading.Channels;
using OnePasswordGraph.Graph.Jobs;

namespace OnePasswordGraph.Tests.Hosting;

/// <summary>A lease that is free or held elsewhere as a test says, and reports each attempt to take it.</summary>
internal sealed class FakeLease : IAccountLease, ILeaseHandle
{
    private readonly Channel<bool> _attempts = Channel.CreateUnbounded<bool>();

    public bool Available { get; set; } = true;

    public int Attempts { get; private set; }

    public bool Released { get; private set; }

    public async Task NextAttemptAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _attempts.Reader.ReadAsync(timeout.Token);
    }

    public Task<ILeaseHandle?> TryAcquireAsync(string account, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        Attempts++;
        _attempts.Writer.TryWrite(Available);
        return Task.FromResult<ILeaseHandle?>(Available ? this : null);
    }

    public Task<LeaseState?> ReadAsync(string account, CancellationToken cancellationToken) =>
        Task.FromResult<LeaseState?>(Available ? null : new LeaseState("other-host:42:run:abc123", null, DateTimeOffset.UnixEpoch));

    public Task<bool> RenewAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public ValueTask DisposeAsync()
    {
        Released = true;
        return ValueTask.CompletedTask;
    }
}
