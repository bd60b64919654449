using OnePasswordGraph.Sources.Connect.Records;

namespace OnePasswordGraph.Sources.Connect.Internal;

/// <summary>One Connect server through one token: <see cref="IConnectApi"/>, with empty bodies refused and the heartbeat as a yes or no.</summary>
internal sealed class ConnectClient(IConnectApi api, ConnectApiErrors errors) : IConnectClient
{
    public async Task<IReadOnlyList<ConnectVault>> ListVaultsAsync(CancellationToken cancellationToken, string? filter = null) =>
        Required(await api.ListVaultsAsync(filter, cancellationToken).ConfigureAwait(false));

    public async Task<ConnectVault> GetVaultAsync(string vaultId, CancellationToken cancellationToken) =>
        Required(await api.GetVaultAsync(vaultId, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<ConnectItem>> ListItemsAsync(string vaultId, CancellationToken cancellationToken, string? filter = null) =>
        Required(await api.ListItemsAsync(vaultId, filter, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<ConnectFileMetadata>> ListFilesAsync(string vaultId, string itemId, CancellationToken cancellationToken) =>
        Required(await api.ListFilesAsync(vaultId, itemId, cancellationToken).ConfigureAwait(false));

    public async Task<ConnectItemDetails> GetItemDetailsAsync(string vaultId, string itemId, CancellationToken cancellationToken) =>
        Required(await api.GetItemDetailsAsync(vaultId, itemId, cancellationToken).ConfigureAwait(false));

    public async Task<ConnectHealth> GetHealthAsync(CancellationToken cancellationToken) =>
        Required(await api.GetHealthAsync(cancellationToken).ConfigureAwait(false));

    public async Task<bool> HeartbeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await api.HeartbeatAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (ConnectApiException)
        {
            // Unreachable or too slow: the answer is no.
            return false;
        }
    }

    private T Required<T>(T? value)
        where T : class => value ?? throw errors.EmptyBody();
}
