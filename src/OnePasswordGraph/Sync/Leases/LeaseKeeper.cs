using OnePasswordGraph.Graph.Jobs;

namespace OnePasswordGraph.Sync.Leases;

/// <summary>
/// Holds an account's lease for the length of a run: renews it at a third of its duration, and cancels
/// <see cref="LostToken"/> if it is lost (for example after a long pause), so the run stops before another holder
/// starts writing the same account.
/// </summary>
public sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly ILeaseHandle _handle;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    private LeaseKeeper(ILeaseHandle handle, TimeSpan duration, TimeProvider timeProvider)
    {
        _handle = handle;
        _renewing = RenewAsync(duration / 3, timeProvider);
    }

    /// <summary>Gets a token cancelled when the lease is lost.</summary>
    public CancellationToken LostToken => _lost.Token;

    /// <summary>Takes the lease and starts renewing it, or returns null when another live holder has it.</summary>
    public static async Task<LeaseKeeper?> TryHoldAsync(
        IAccountLease lease, string account, string holder, TimeSpan duration, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        cancellationToken.ThrowIfCancellationRequested();

        // Not abandoned once sent: Neo4j may take the lease after we stopped waiting, and then nobody would release it.
        var handle = await lease.TryAcquireAsync(account, holder, duration, CancellationToken.None).ConfigureAwait(false);
        if (handle is null)
        {
            return null;
        }

        var keeper = new LeaseKeeper(handle, duration, timeProvider);
        if (cancellationToken.IsCancellationRequested)
        {
            await keeper.DisposeAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return keeper;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _renewing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping the renewal loop is the point.
        }

        await _handle.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync(TimeSpan period, TimeProvider timeProvider)
    {
        using var timer = new PeriodicTimer(period, timeProvider);
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
        {
            bool renewed;
            try
            {
                // A renewal is never abandoned: one cut off by the stop could still reach Neo4j after the release and
                // take the lease back for a holder that has gone. The release waits for it instead.
                renewed = await _handle.RenewAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed renewal is retried at the next tick; the lease only counts as lost when another holder has it.
                continue;
            }

            if (!renewed)
            {
                await _lost.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }
}
