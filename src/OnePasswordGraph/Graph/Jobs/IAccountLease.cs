namespace OnePasswordGraph.Graph.Jobs;

/// <summary>
/// Keeps two processes from syncing the same account at once. A lease expires on its own when its holder stops
/// renewing it (a killed process), so a dead worker never blocks an account for longer than the lease time.
/// </summary>
public interface IAccountLease
{
    /// <summary>Takes the lease of <paramref name="account"/> for <paramref name="holder"/>, or returns null when another live holder has it.</summary>
    Task<ILeaseHandle?> TryAcquireAsync(string account, string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Reads who holds the lease of <paramref name="account"/> and until when, or null when nobody does.</summary>
    Task<LeaseState?> ReadAsync(string account, CancellationToken cancellationToken);
}
