using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.Sources;

/// <summary>
/// The clients of one account, kept across runs so that the Events token's request budget spans them (the worker
/// syncs every few minutes; the limits are per rolling minute and hour).
/// </summary>
public sealed class AccountSources : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    internal AccountSources(EventsSettings? events, ConnectSettings? connect, SyncMetrics metrics, TimeProvider timeProvider)
    {
        if (events is not null)
        {
            var http = new HttpClient(Handler(metrics, "events"))
            {
                BaseAddress = events.BaseUrl,
                Timeout = events.RequestTimeout,
            };
            var budget = new RequestBudget(events.RequestsPerMinute, events.RequestsPerHour, timeProvider);
            _owned.Add(http);
            _owned.Add(budget);
            Events = EventsApi.CreateClient(http, events, budget, timeProvider);
        }

        if (connect is not null)
        {
            var http = new HttpClient(Handler(metrics, "connect"))
            {
                BaseAddress = connect.BaseUrl,
                Timeout = connect.RequestTimeout,
            };
            _owned.Add(http);
            Connect = ConnectApi.CreateClient(http, connect, timeProvider);
        }
    }

    internal IEventsApiClient? Events { get; }

    internal IConnectClient? Connect { get; }

    private static ApiRequestMetricsHandler Handler(SyncMetrics metrics, string api) =>
        new(metrics, api) { InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } };

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
