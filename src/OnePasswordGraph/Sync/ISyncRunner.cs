namespace OnePasswordGraph.Sync;

/// <summary>Runs one full sync (every step) of one configured account.</summary>
public interface ISyncRunner
{
    /// <summary>Runs the steps of <paramref name="account"/> and reports how each went. Only bad configuration throws.</summary>
    Task<SyncRunSummary> RunAsync(AccountSettings account, CancellationToken cancellationToken);
}
