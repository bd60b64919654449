using OnePasswordGraph.Sources.Connect.Internal.Protocol;

namespace OnePasswordGraph.Sources.Connect;

/// <summary>One Connect server through one token. Each call makes one attempt and reads metadata only.</summary>
internal interface IConnectClient
{
    Task<IReadOnlyList<ConnectVault>> ListVaultsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ConnectItem>> ListItemsAsync(string vaultId, CancellationToken cancellationToken);

    /// <summary>Reads an item's section labels and file names. 1Password records each read as a <c>server-fetch</c> item usage.</summary>
    Task<ConnectItemDetails> GetItemDetailsAsync(string vaultId, string itemId, CancellationToken cancellationToken);

    Task<ConnectHealth> GetHealthAsync(CancellationToken cancellationToken);
}
