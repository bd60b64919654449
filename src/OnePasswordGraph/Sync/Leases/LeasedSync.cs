using OnePasswordGraph.Graph.Jobs;

namespace OnePasswordGraph.Sync.Leases;

/// <summary>
/// Runs one account's sync under its lease, as <c>sync</c> and the worker both do: take the lease (or report that
/// another process holds it), keep it renewed during the run, and stop the run if it is lost.
/// </summary>
public sealed class LeasedSync
{
    /// <summary>How often a waiting sync asks for a held lease again.</summary>
    public static readonly TimeSpan WaitPoll = TimeSpan.FromSeconds(2);

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
    /// Syncs <paramref name="account"/> once, waiting up to <paramref name="maxWait"/> for a lease another process holds;
    /// <paramref name="waiting"/> hears who holds it each time the lease is found busy. Returns null when it stayed held.
    /// </summary>
    /// <exception cref="LeaseLostException">The lease was lost during the run, which stopped.</exception>
    public async Task<SyncRunSummary?> RunWhenFreeAsync(
        AccountSettings account, string holder, TimeSpan leaseDuration, TimeSpan maxWait, Func<LeaseState?, Task> waiting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(waiting);
        var deadline = _timeProvider.GetUtcNow() + maxWait;
        while (true)
        {
            if (await TryRunAsync(account, holder, leaseDuration, cancellationToken).ConfigureAwait(false) is { } summary)
            {
                return summary;
            }

            var left = deadline - _timeProvider.GetUtcNow();
            await waiting(await _lease.ReadAsync(account.Name, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            if (left <= TimeSpan.Zero)
            {
                return null;
            }

            await Task.Delay(left < WaitPoll ? left : WaitPoll, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads who holds <paramref name="account"/>'s lease, to explain a skipped run.</summary>
    public Task<LeaseState?> ReadLeaseAsync(string account, CancellationToken cancellationToken) => _lease.ReadAsync(account, cancellationToken);

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
