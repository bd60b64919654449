using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;
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

    /// <summary>Starts a simulator serving a generated scenario's events: <paramref name="users"/> people, <paramref name="count"/> events over three weeks before <paramref name="now"/>.</summary>
    public static async Task<EventsApiHarness> StartScenarioAsync(int seed, int users, int count, DateTimeOffset now)
    {
        var inventory = InventoryGenerator.Generate(seed: seed, users: users, vaults: Math.Max(3, users / 5), itemsPerVault: 5, now: now);
        var api = await StartAsync();
        api.Simulator.Append(ActivityGenerator.Generate(inventory, seed: seed, count: count, TimeSpan.FromDays(21), now).Events);
        return api;
    }

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
