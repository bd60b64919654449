using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Sync.Leases;

/// <summary>
/// A run stopped because its account's lease could not be renewed and another process took it. What the run wrote
/// before stopping is kept with its cursor; the account is synced again at its next run.
/// </summary>
public sealed class LeaseLostException : OnePasswordGraphException
{
    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="account"/>, keeping the cancellation that stopped the run.</summary>
    public static LeaseLostException For(string account, OperationCanceledException stopped) => new(
        $"Account {account}: another process took the account's lease during the run (it could not be renewed in time, for example after a long pause), "
        + "so the run stopped. The pages written so far are kept with their cursor; the account is synced again at its next run.",
        stopped);
}
