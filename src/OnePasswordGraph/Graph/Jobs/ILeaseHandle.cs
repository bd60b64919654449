namespace OnePasswordGraph.Graph.Jobs;

/// <summary>A held lease. Renew it before it expires; dispose it to release it.</summary>
public interface ILeaseHandle : IAsyncDisposable
{
    /// <summary>Extends the lease; returns false when it was lost (expired and taken by another holder).</summary>
    Task<bool> RenewAsync(CancellationToken cancellationToken);
}
