using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OnePasswordGraph.Sources.Connect.Internal.Protocol;
using OnePasswordGraph.Sources.Connect.Records;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.Sources.Connect.Internal;

/// <summary>Connect's REST API over one <see cref="HttpClient"/> whose base address is the Connect server.</summary>
internal sealed class ConnectClient(HttpClient httpClient, string token, TimeProvider timeProvider) : IConnectClient
{
    private static readonly string UserAgent = "OnePasswordGraph/" + (typeof(ConnectClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private string Server => httpClient.BaseAddress!.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    public async Task<IReadOnlyList<ConnectVault>> ListVaultsAsync(CancellationToken cancellationToken, string? filter = null) =>
        await GetAsync("/v1/vaults" + Filter(filter), ConnectJsonContext.Default.ListConnectVault, cancellationToken).ConfigureAwait(false);

    public Task<ConnectVault> GetVaultAsync(string vaultId, CancellationToken cancellationToken) =>
        GetAsync($"/v1/vaults/{Uri.EscapeDataString(vaultId)}", ConnectJsonContext.Default.ConnectVault, cancellationToken);

    public async Task<IReadOnlyList<ConnectItem>> ListItemsAsync(string vaultId, CancellationToken cancellationToken, string? filter = null) =>
        await GetAsync($"/v1/vaults/{Uri.EscapeDataString(vaultId)}/items" + Filter(filter), ConnectJsonContext.Default.ListConnectItem, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ConnectFileMetadata>> ListFilesAsync(string vaultId, string itemId, CancellationToken cancellationToken) =>
        await GetAsync($"/v1/vaults/{Uri.EscapeDataString(vaultId)}/items/{Uri.EscapeDataString(itemId)}/files", ConnectJsonContext.Default.ListConnectFileMetadata, cancellationToken).ConfigureAwait(false);

    public async Task<bool> HeartbeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClient.GetAsync(new Uri("/heartbeat", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public Task<ConnectItemDetails> GetItemDetailsAsync(string vaultId, string itemId, CancellationToken cancellationToken) =>
        GetAsync($"/v1/vaults/{Uri.EscapeDataString(vaultId)}/items/{Uri.EscapeDataString(itemId)}", ConnectJsonContext.Default.ConnectItemDetails, cancellationToken);

    public Task<ConnectHealth> GetHealthAsync(CancellationToken cancellationToken) =>
        GetAsync("/health", ConnectJsonContext.Default.ConnectHealth, cancellationToken);

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.ParseAdd(UserAgent);
        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectApiException($"The Connect server is unreachable at {Server}: {ex.Message} Check OnePassword:Connect:BaseUrl and that the server runs.", null, isTransient: true, innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectApiException($"The Connect server at {Server} did not answer {path} within {httpClient.Timeout.TotalSeconds:0} s.", null, isTransient: true, innerException: ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var said = await ReadMessageAsync(response, cancellationToken).ConfigureAwait(false);
                throw new ConnectApiException(Describe(status, path, said), status, EventsApiErrorClassifier.IsTransient(status), EventsApiErrorClassifier.RetryAfter(response.Headers, timeProvider.GetUtcNow()));
            }

            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false)
                    ?? throw new ConnectApiException($"The Connect server at {Server} answered {path} with an empty body.", null, isTransient: false);
            }
            catch (JsonException ex)
            {
                throw new ConnectApiException($"The server at {Server} answered {path} with something that is not Connect's API: {ex.Message} Check OnePassword:Connect:BaseUrl.", null, isTransient: false, innerException: ex);
            }
        }
    }

    private static string Filter(string? filter) => filter is null ? string.Empty : "?filter=" + Uri.EscapeDataString(filter);

    private string Describe(int status, string path, string? said)
    {
        var detail = said is null ? string.Empty : $": {said}";
        return status switch
        {
            401 => $"The Connect server at {Server} rejected the token (HTTP 401{detail}). It is invalid, expired or for another Connect server; check OnePassword:Connect:Token.",
            403 => $"The Connect token may not read {path} (HTTP 403{detail}): grant the vault to the Connect server in 1Password (Developer, Connect servers), or accept that it stays out of the inventory.",
            404 => $"The Connect server at {Server} has no {path} (HTTP 404{detail}): the vault or item is gone, or OnePassword:Connect:BaseUrl is not a Connect server.",
            _ => $"The Connect server at {Server} answered HTTP {status} to {path}{detail}.",
        };
    }

    private static async Task<string?> ReadMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, ConnectJsonContext.Default.ConnectError)?.Message;
        }
        catch (Exception ex) when (ex is JsonException or HttpRequestException)
        {
            return null;
        }
    }
}
