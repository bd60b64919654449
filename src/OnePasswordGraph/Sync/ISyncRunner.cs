namespace OnePasswordGraph.Sync;

/// <summary>Runs one full sync (every step) of one configured account.</summary>
public interface ISyncRunner
{
    /// <summary>
    /// Applies the graph schema, once per process. Done before an account's lease is taken: the lease node's
    /// uniqueness constraint is what keeps two first-time workers from each creating a lease of their own.
    /// </summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Runs the steps of <paramref name="account"/> and reports how each went. Only bad configuration throws.</summary>
    Task<SyncRunSummary> RunAsync(AccountSettings account, CancellationToken cancellationToken);
}
