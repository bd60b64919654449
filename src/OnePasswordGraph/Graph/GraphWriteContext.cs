namespace OnePasswordGraph.Graph;

/// <summary>
/// What every row of a write is stamped with: the account it belongs to and, for inventory, the run that saw it.
/// </summary>
public sealed record GraphWriteContext(string Account, string? SyncTag = null);
