using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>An Events API simulator on loopback and a client of the product pointed at it.</summary>
internal sealed class EventsApiHarness : IAsyncDisposable
{
    private readonly List<IDisposable> _owned = [];

    private EventsApiHarness(EventsSimulator simulator) => Simulator = simulator;

    public EventsSimulator Simulator { get; }

    private static IHttpClientFactory HttpClients { get; } = TestHttpClients.Create();

    public static async Task<EventsApiHarness> StartAsync(EventsSimulatorOptions? options = null) =>
        new(await EventsSimulator.StartAsync(options ?? new EventsSimulatorOptions(), CancellationToken.None));

    public IEventsApiClient Client(string token, string apiVersion = "v2", int perMinute = 600, TimeProvider? timeProvider = null, Uri? baseUrl = null)
    {
        var settings = new EventsSettings(baseUrl ?? Simulator.BaseUrl, token, apiVersion, 1000, TimeSpan.FromSeconds(30), perMinute, 30000);
        var budget = new RequestBudget(perMinute, 30000, timeProvider ?? TimeProvider.System);
        _owned.Add(budget);
        return EventsApi.CreateClient(HttpClients, settings, budget, timeProvider ?? TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        await Simulator.DisposeAsync();
    }
}
