using OnePasswordGraph.Sources.Internal;
using OnePasswordGraph.Sources.Users.Internal;
using OnePasswordGraph.Sources.Users.Internal.Protocol;
using Refit;

namespace OnePasswordGraph.Sources.Users;

/// <summary>Creates the Users API client of one OAuth client; the client's implementation stays inside this folder.</summary>
public static class UsersApi
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of every Users API client (see <see cref="OnePasswordHttpClients"/>).</summary>
    public const string HttpClientName = "OnePasswordGraph.Users";

    /// <summary>The filters <c>ListUsers</c> accepts.</summary>
    public const string ActiveFilter = "user.isActive()";

    /// <summary>The filter for suspended users.</summary>
    public const string SuspendedFilter = "user.isSuspended()";

    public static IUsersClient CreateClient(IHttpClientFactory httpClients, UsersSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(settings);
        var httpClient = httpClients.CreateClient(HttpClientName);
        httpClient.BaseAddress = settings.BaseUrl;
        httpClient.Timeout = settings.RequestTimeout;
        var errors = new UsersApiErrors(settings.BaseUrl, settings.RequestTimeout, timeProvider);
        var oauth = RestService.ForGenerated<IUsersOAuthApi>(httpClient, RefitClientSettings.For(UsersJsonContext.Default, string.Empty, errors));
        var tokens = new AccessTokenCache(oauth, settings.ClientId, settings.ClientSecret, timeProvider, errors);
        var api = RestService.ForGenerated<IUsersApi>(httpClient, RefitClientSettings.For(UsersJsonContext.Default, tokens.GetAsync, errors));
        return new UsersClient(api, tokens, errors);
    }
}
