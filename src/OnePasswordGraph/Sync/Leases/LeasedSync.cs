using OnePasswordGraph.Graph.Jobs;

namespace OnePasswordGraph.Sync.Leases;

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
    /// <exception cref="LeaseLostException">The lease was lost during the run, which stopped.</exception>
    public Task<SyncRunSummary?> TryRunAsync(AccountSettings account, string holder, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
        TryRunAsync(account, holder, leaseDuration, beforeRun: null, cancellationToken);

    /// <summary>
    /// Syncs <paramref name="account"/> once, doing <paramref name="beforeRun"/> first under the same lease (so no
    /// other process syncs the account in between), or returns null without doing either when the lease is held elsewhere.
    /// </summary>
    public async Task<SyncRunSummary?> TryRunAsync(
        AccountSettings account, string holder, TimeSpan leaseDuration, Func<CancellationToken, Task>? beforeRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await _runner.PrepareAsync(cancellationToken).ConfigureAwait(false);
        await using var held = await LeaseKeeper.TryHoldAsync(_lease, account.Name, holder, leaseDuration, _timeProvider, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return null;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.LostToken);
        try
        {
            if (beforeRun is not null)
            {
                await beforeRun(linked.Token).ConfigureAwait(false);
            }

            return await _runner.RunAsync(account, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException stopped) when (held.LostToken.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw LeaseLostException.For(account.Name, stopped);
        }
    }
}
