using OnePasswordGraph.Graph.Jobs.Internal;
using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph.Jobs;

/// <summary>
/// <see cref="IAccountLease"/> kept on the account's <c>lease</c> sync-state node in Neo4j, so every process that
/// writes the account's graph sees the same lease. A holder that stops renewing (a killed process) loses it when it
/// expires, or at once when it was a process of this host that no longer runs.
/// </summary>
public sealed class Neo4jAccountLease : IAccountLease
{
    private readonly ICypherRunner _runner;
    private readonly TimeProvider _timeProvider;

    public Neo4jAccountLease(ICypherRunner runner, TimeProvider timeProvider)
    {
        _runner = runner;
        _timeProvider = timeProvider;
    }

    public async Task<ILeaseHandle?> TryAcquireAsync(string account, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        if (await TakeAsync(account, holder, duration, cancellationToken).ConfigureAwait(false))
        {
            return new Handle(this, account, holder, duration);
        }

        // A holder killed on this host cannot renew: waiting for its lease to lapse would only block the account.
        var state = await ReadAsync(account, cancellationToken).ConfigureAwait(false);
        return state is not null && LeaseHolder.IsGoneLocally(state.Holder) && await TakeAsync(account, holder, duration, cancellationToken, takeOver: state.Holder).ConfigureAwait(false)
            ? new Handle(this, account, holder, duration)
            : null;
    }

    public async Task<LeaseState?> ReadAsync(string account, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["key"] = KeyOf(account) };
        var results = await _runner.RunAsync([new CypherStatement(LeaseStatements.Read, parameters)], cancellationToken).ConfigureAwait(false);
        return results[0].Records().FirstOrDefault() is { } row && row["holder"] is string holder && row["expiresOn"] is long expires
            ? new LeaseState(holder, row["acquiredOn"] is long acquired ? DateTimeOffset.FromUnixTimeMilliseconds(acquired) : null, DateTimeOffset.FromUnixTimeMilliseconds(expires))
            : null;
    }

    private async Task<bool> TakeAsync(string account, string holder, TimeSpan duration, CancellationToken cancellationToken, string? takeOver = null)
    {
        var now = _timeProvider.GetUtcNow();
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["key"] = KeyOf(account),
            ["holder"] = holder,
            ["takeOver"] = takeOver,
            ["now"] = now.ToUnixTimeMilliseconds(),
            ["until"] = (now + duration).ToUnixTimeMilliseconds(),
            ["create"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [GraphProperties.Key] = KeyOf(account),
                [GraphProperties.Type] = OnePasswordNodeTypes.SyncState.Type,
                [GraphProperties.Account] = account,
                ["stream"] = "lease",
            },
        };
        var results = await _runner.RunAsync([new CypherStatement(LeaseStatements.Acquire, parameters)], cancellationToken)
            .ConfigureAwait(false);
        return results[0].SingleLong("acquired") == 1;
    }

    private async Task ReleaseAsync(string account, string holder)
    {
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["key"] = KeyOf(account), ["holder"] = holder };

        // Released even when the caller is shutting down: a lease left behind would block the account until it expires.
        await _runner.RunAsync([new CypherStatement(LeaseStatements.Release, parameters)], CancellationToken.None)
            .ConfigureAwait(false);
    }

    /// <summary>Gets the key of the sync-state node that holds <paramref name="account"/>'s lease.</summary>
    public static string KeyOf(string account) => $"{account}:lease";

    private sealed class Handle(Neo4jAccountLease owner, string account, string holder, TimeSpan duration) : ILeaseHandle
    {
        public Task<bool> RenewAsync(CancellationToken cancellationToken) => owner.TakeAsync(account, holder, duration, cancellationToken);

        public async ValueTask DisposeAsync() => await owner.ReleaseAsync(account, holder).ConfigureAwait(false);
    }
}
