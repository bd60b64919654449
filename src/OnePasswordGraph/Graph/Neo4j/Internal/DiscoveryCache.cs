namespace OnePasswordGraph.Graph.Neo4j.Internal;

/// <summary>
/// Holds what discovery found once it succeeded; concurrent first callers wait for one discovery rather than each
/// sending their own, and a failed discovery is tried again by the next caller.
/// </summary>
internal sealed class DiscoveryCache : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Neo4jServerInfo? _known;

    public async Task<Neo4jServerInfo> GetAsync(Func<CancellationToken, Task<Neo4jServerInfo>> discover, CancellationToken cancellationToken)
    {
        if (_known is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _known ??= await discover(cancellationToken).ConfigureAwait(false);
            return _known;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
