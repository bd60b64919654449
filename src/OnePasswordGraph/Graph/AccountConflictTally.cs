using System.Collections.Concurrent;

namespace OnePasswordGraph.Graph;

/// <summary>
/// Counts, per writing account, the writes left undone because another account holds the node, until a run takes the
/// count for its summary. Thread-safe: the steps of a run write concurrently.
/// </summary>
public sealed class AccountConflictTally
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="count"/> conflicts of <paramref name="account"/>.</summary>
    public void Add(string account, long count) => _counts.AddOrUpdate(account, count, (_, total) => total + count);

    /// <summary>Returns the conflicts counted for <paramref name="account"/> since the last call, and starts again from zero.</summary>
    public long Take(string account) => _counts.TryRemove(account, out var count) ? count : 0;
}
