using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.Sources;

/// <summary>
/// The clients of one account, kept across runs so that the Events token's request budget spans them (the worker
/// syncs every few minutes; the limits are per rolling minute and hour).
/// </summary>
public sealed class AccountSources : IDisposable
{
    private readonly RequestBudget? _budget;

    internal AccountSources(EventsSettings? events, ConnectSettings? connect, IHttpClientFactory httpClients, TimeProvider timeProvider)
    {
        if (events is not null)
        {
            _budget = new RequestBudget(events.RequestsPerMinute, events.RequestsPerHour, timeProvider);
            Events = EventsApi.CreateClient(httpClients, events, _budget, timeProvider);
        }

        if (connect is not null)
        {
            Connect = ConnectApi.CreateClient(httpClients, connect, timeProvider);
        }
    }

    internal IEventsApiClient? Events { get; }

    internal IConnectClient? Connect { get; }

    public void Dispose() => _budget?.Dispose();
}
