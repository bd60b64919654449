using OnePasswordGraph.Sources.Connect.Internal;

namespace OnePasswordGraph.Sources.Connect;

/// <summary>Creates the Connect client of one token; the client's implementation stays inside this folder.</summary>
internal static class ConnectApi
{
    public static IConnectClient CreateClient(HttpClient httpClient, ConnectSettings settings, TimeProvider timeProvider) =>
        new ConnectClient(httpClient, settings.Token, timeProvider);
}
