using OnePasswordGraph.Sources.Connect.Records;
using Refit;

namespace OnePasswordGraph.Sources.Connect.Internal;

/// <summary>
/// Connect's REST endpoints that inventory reads, as Refit generates their client. Each call is one request; a failure
/// arrives as a <see cref="ConnectApiException"/> (see <see cref="ConnectApiErrors"/>). A result is null when the body
/// is empty.
/// </summary>
[Headers("Authorization: Bearer", "Accept: application/json")]
internal interface IConnectApi
{
    /// <summary>Lists vaults; <paramref name="filter"/> (<c>name eq "…"</c>) is left out of the query when null.</summary>
    [Get("/v1/vaults")]
    Task<IReadOnlyList<ConnectVault>?> ListVaultsAsync([Query] string? filter, CancellationToken cancellationToken);

    [Get("/v1/vaults/{vaultId}")]
    Task<ConnectVault?> GetVaultAsync(string vaultId, CancellationToken cancellationToken);

    [Get("/v1/vaults/{vaultId}/items")]
    Task<IReadOnlyList<ConnectItem>?> ListItemsAsync(string vaultId, [Query] string? filter, CancellationToken cancellationToken);

    /// <summary>File metadata only: <c>inline_files</c> is never asked for.</summary>
    [Get("/v1/vaults/{vaultId}/items/{itemId}/files")]
    Task<IReadOnlyList<ConnectFileMetadata>?> ListFilesAsync(string vaultId, string itemId, CancellationToken cancellationToken);

    [Get("/v1/vaults/{vaultId}/items/{itemId}")]
    Task<ConnectItemDetails?> GetItemDetailsAsync(string vaultId, string itemId, CancellationToken cancellationToken);

    [Get("/health")]
    Task<ConnectHealth?> GetHealthAsync(CancellationToken cancellationToken);

    /// <summary>Liveness without a token: the Authorization header is left off.</summary>
    [Get("/heartbeat")]
    [Headers("Authorization")]
    Task<HttpResponseMessage> HeartbeatAsync(CancellationToken cancellationToken);
}
