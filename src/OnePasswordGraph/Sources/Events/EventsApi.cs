using OnePasswordGraph.Sources.Events.Internal;
using OnePasswordGraph.Sources.Events.Internal.Protocol;
using OnePasswordGraph.Sources.Internal;
using Refit;

namespace OnePasswordGraph.Sources.Events;

/// <summary>Creates the Events API client of one token; the client's implementation stays inside this folder.</summary>
internal static class EventsApi
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of every Events API client (see <see cref="OnePasswordHttpClients"/>).</summary>
    public const string HttpClientName = "OnePasswordGraph.Events";

    public static IEventsApiClient CreateClient(IHttpClientFactory httpClients, EventsSettings settings, RequestBudget budget, TimeProvider timeProvider)
    {
        // The factory's clients share pooled handlers (and the request metrics); host, timeout and token are the account's.
        var httpClient = httpClients.CreateClient(HttpClientName);
        httpClient.BaseAddress = settings.BaseUrl;
        httpClient.Timeout = settings.RequestTimeout;
        var errors = new EventsApiErrors(settings.BaseUrl, settings.RequestTimeout, EventsTokenClaims.TryRead(settings.Token), timeProvider);
        var api = RestService.ForGenerated<IEventsApi>(httpClient, RefitClientSettings.For(EventsApiJsonContext.Default, settings.Token, errors));
        return new EventsApiClient(api, settings.ApiVersion, budget, errors);
    }
}
