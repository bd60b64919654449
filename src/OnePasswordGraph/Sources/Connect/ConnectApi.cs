using OnePasswordGraph.Sources.Connect.Internal;
using OnePasswordGraph.Sources.Connect.Internal.Protocol;
using OnePasswordGraph.Sources.Internal;
using Refit;

namespace OnePasswordGraph.Sources.Connect;

/// <summary>Creates the Connect client of one token; the client's implementation stays inside this folder.</summary>
internal static class ConnectApi
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of every Connect client (see <see cref="OnePasswordHttpClients"/>).</summary>
    public const string HttpClientName = "OnePasswordGraph.Connect";

    public static IConnectClient CreateClient(IHttpClientFactory httpClients, ConnectSettings settings, TimeProvider timeProvider)
    {
        // The factory's clients share pooled handlers (and the request metrics); server, timeout and token are the account's.
        var httpClient = httpClients.CreateClient(HttpClientName);
        httpClient.BaseAddress = settings.BaseUrl;
        httpClient.Timeout = settings.RequestTimeout;
        var errors = new ConnectApiErrors(settings.BaseUrl, settings.RequestTimeout, timeProvider);
        return new ConnectClient(RestService.ForGenerated<IConnectApi>(httpClient, RefitClientSettings.For(ConnectJsonContext.Default, settings.Token, errors)), errors);
    }
}
