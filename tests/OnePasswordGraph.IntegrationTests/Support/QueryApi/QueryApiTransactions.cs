using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OnePasswordGraph.IntegrationTests.Support.QueryApi;

/// <summary>
/// The double's open explicit transactions: each has an id, the cluster member that holds it (the value of the
/// <c>neo4j-cluster-affinity</c> header), the backend transaction it runs in, and an expiry that every request on it
/// pushes back by the idle timeout (30 s by default, as on 5.x), counted again from the request's answer.
/// </summary>
internal sealed class QueryApiTransactions
{
    private readonly ConcurrentDictionary<string, OpenTransaction> _open = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly TimeSpan _idleTimeout;

    public QueryApiTransactions(TimeProvider clock, TimeSpan idleTimeout)
    {
        _clock = clock;
        _idleTimeout = idleTimeout;
    }

    public int OpenCount => _open.Count;

    public OpenTransaction Open(string backendLocation, string member)
    {
        var transaction = new OpenTransaction(Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant(), member, backendLocation, _clock.GetUtcNow() + _idleTimeout);
        _open[transaction.Id] = transaction;
        return transaction;
    }

    /// <summary>
    /// Finds a transaction for a request that reached <paramref name="member"/>: an unknown id, one held by another
    /// member, and one past its expiry are all "not found" (the expired one is handed back for its rollback).
    /// </summary>
    public (OpenTransaction? Live, OpenTransaction? Expired) Find(string id, string? member)
    {
        if (!_open.TryGetValue(id, out var transaction) || !string.Equals(transaction.Member, member, StringComparison.Ordinal))
        {
            return (null, null);
        }

        if (_clock.GetUtcNow() >= transaction.Expires)
        {
            _open.TryRemove(id, out _);
            return (null, transaction);
        }

        var touched = transaction with { Expires = _clock.GetUtcNow() + _idleTimeout };
        _open[id] = touched;
        return (touched, null);
    }

    /// <summary>
    /// Pushes the expiry back from now once a request on the transaction has been answered: the idle timeout counts
    /// from the end of the last request, so a statement that runs longer than the timeout does not expire its own
    /// transaction.
    /// </summary>
    public OpenTransaction? Touch(string id)
    {
        if (!_open.TryGetValue(id, out var transaction))
        {
            return null;
        }

        var touched = transaction with { Expires = _clock.GetUtcNow() + _idleTimeout };
        _open[id] = touched;
        return touched;
    }

    public void Close(string id) => _open.TryRemove(id, out _);
}
