using OnePasswordGraph.Sources.Connect.Records;

namespace OnePasswordGraph.Sources.Connect;

/// <summary>One Connect server through one token. Each call makes one attempt and reads metadata only.</summary>
internal interface IConnectClient
{
    /// <summary>Lists the vaults the token may read; <paramref name="filter"/> is Connect's SCIM-like filter (<c>name eq "…"</c>).</summary>
    Task<IReadOnlyList<ConnectVault>> ListVaultsAsync(CancellationToken cancellationToken, string? filter = null);

    Task<ConnectVault> GetVaultAsync(string vaultId, CancellationToken cancellationToken);

    /// <summary>Lists item summaries of a vault; <paramref name="filter"/> is <c>title eq "…"</c> or <c>tag eq "…"</c>.</summary>
    Task<IReadOnlyList<ConnectItem>> ListItemsAsync(string vaultId, CancellationToken cancellationToken, string? filter = null);

    /// <summary>Lists an item's files, metadata only (never with <c>inline_files</c>).</summary>
    Task<IReadOnlyList<ConnectFileMetadata>> ListFilesAsync(string vaultId, string itemId, CancellationToken cancellationToken);

    /// <summary>Returns whether <c>/heartbeat</c> answers.</summary>
    Task<bool> HeartbeatAsync(CancellationToken cancellationToken);

    /// <summary>Reads an item's section labels and file names. 1Password records each read as a <c>server-fetch</c> item usage.</summary>
    Task<ConnectItemDetails> GetItemDetailsAsync(string vaultId, string itemId, CancellationToken cancellationToken);

    Task<ConnectHealth> GetHealthAsync(CancellationToken cancellationToken);
}
