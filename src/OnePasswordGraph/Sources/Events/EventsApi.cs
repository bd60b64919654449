using OnePasswordGraph.Sources.Events.Internal;

namespace OnePasswordGraph.Sources.Events;

/// <summary>Creates the Events API client of one token; the client's implementation stays inside this folder.</summary>
internal static class EventsApi
{
    public static IEventsApiClient CreateClient(HttpClient httpClient, EventsSettings settings, RequestBudget budget, TimeProvider timeProvider) =>
        new EventsApiClient(httpClient, settings.Token, settings.ApiVersion, budget, timeProvider);
}
