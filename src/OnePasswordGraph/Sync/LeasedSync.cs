namespace OnePasswordGraph.Sync;

/// <summary>
/// Runs one account's sync under its lease, as <c>sync</c> and the worker both do: take the lease (or report that
/// another process holds it), keep it renewed during the run, and stop the run if it is lost.
/// </summary>
public sealed class LeasedSync
{
    private readonly ISyncRunner _runner;
    private readonly IAccountLease _lease;
    private readonly TimeProvider _timeProvider;

    public LeasedSync(ISyncRunner runner, IAccountLease lease, TimeProvider timeProvider)
    {
        _runner = runner;
        _lease = lease;
        _timeProvider = timeProvider;
    }

    /// <summary>Syncs <paramref name="account"/> once, or returns null without fetching anything when its lease is held elsewhere.</summary>
    public async Task<SyncRunSummary?> TryRunAsync(AccountSettings account, string holder, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await _runner.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var held = await LeaseKeeper.TryHoldAsync(_lease, account.Name, holder, leaseDuration, _timeProvider, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return null;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.LostToken);
        return await _runner.RunAsync(account, linked.Token).ConfigureAwait(false);
    }
}
