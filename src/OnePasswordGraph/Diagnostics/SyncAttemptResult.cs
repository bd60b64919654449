namespace OnePasswordGraph.Diagnostics;

/// <summary>How a scheduled attempt to sync an account ended.</summary>
public enum SyncAttemptResult
{
    Succeeded,
    Failed,

    /// <summary>Another process held the account's lease; nothing was fetched.</summary>
    LeaseBusy,
}
