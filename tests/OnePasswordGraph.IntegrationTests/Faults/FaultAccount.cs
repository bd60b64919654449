using System.Globalization;
using OnePasswordGraph.Simulator.Connect;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>
/// One simulated account of a fault scenario and its ground truth: the Events API and (optionally) Connect
/// simulators, the events they serve, and the vaults and items Connect holds now. Events appended while a scenario
/// runs join the ground truth as they reach the simulator.
/// </summary>
internal sealed class FaultAccount : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<SimulatedEvent> _events = [];
    private readonly HashSet<string> _removedItems = new(StringComparer.Ordinal);
    private int _arrivals;

    private FaultAccount(string name, int seed, ScenarioInventory inventory, EventsSimulator events, ConnectSimulator? connect)
    {
        Name = name;
        Seed = seed;
        Inventory = inventory;
        Events = events;
        Connect = connect;
        EventsToken = events.AddToken().Token;
        ConnectToken = connect?.AddToken();
    }

    public string Name { get; }

    public int Seed { get; }

    public ScenarioInventory Inventory { get; }

    public EventsSimulator Events { get; }

    public ConnectSimulator? Connect { get; }

    public string EventsToken { get; }

    public string? ConnectToken { get; }

    /// <summary>Gets every event the Events API has served or will serve, in the order it holds them.</summary>
    public IReadOnlyList<SimulatedEvent> ExpectedEvents
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Gets the item ids Connect lists now.</summary>
    public IReadOnlySet<string> ExpectedItems => Inventory.Items.Select(i => i.Id).Where(id => !_removedItems.Contains(id)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Starts the simulators with <paramref name="events"/> events over the last three weeks.</summary>
    public static async Task<FaultAccount> StartAsync(string name, int seed, int events, bool connect)
    {
        var now = TimeProvider.System.GetUtcNow();
        var inventory = InventoryGenerator.Generate(seed: seed, users: 12, vaults: 4, itemsPerVault: 6, now: now);
        var eventsApi = await EventsSimulator.StartAsync(new EventsSimulatorOptions(), CancellationToken.None);
        var connectApi = connect ? await ConnectSimulator.StartAsync(inventory, 0, CancellationToken.None) : null;
        var account = new FaultAccount(name, seed, inventory, eventsApi, connectApi);
        account.Append(ActivityGenerator.Generate(inventory, seed: seed, count: events, TimeSpan.FromDays(21), now).Events);
        return account;
    }

    /// <summary>Appends <paramref name="count"/> new events that happened in the last minute, as a live account produces them.</summary>
    public void AppendArrivals(int count)
    {
        var batch = Interlocked.Increment(ref _arrivals);
        var seed = (Seed * 10_000) + batch;
        Append(ActivityGenerator.Generate(Inventory, seed: seed, count: count, TimeSpan.FromMinutes(1), TimeProvider.System.GetUtcNow()).Events);
    }

    /// <summary>Removes an item from Connect (the next complete listing must mark it inactive).</summary>
    public void RemoveItem(string itemId)
    {
        Connect!.RemoveItem(itemId);
        _removedItems.Add(itemId);
    }

    /// <summary>Adds this account's settings as account <paramref name="index"/>, reaching the APIs at the given URLs (a proxy) or the simulators.</summary>
    public void Configure(Dictionary<string, string> environment, int index, Uri? eventsUrl = null, Uri? connectUrl = null)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"OnePassword__Accounts__{index}__");
        environment[prefix + "Name"] = Name;
        environment[prefix + "Events__BaseUrl"] = (eventsUrl ?? Events.BaseUrl).ToString();
        environment[prefix + "Events__Token"] = EventsToken;
        environment[prefix + "Events__PageSize"] = "100";
        environment[prefix + "BackfillStartTime"] = TimeProvider.System.GetUtcNow().AddDays(-30).ToString("o", CultureInfo.InvariantCulture);
        if (Connect is not null)
        {
            environment[prefix + "Connect__BaseUrl"] = (connectUrl ?? Connect.BaseUrl).ToString();
            environment[prefix + "Connect__Token"] = ConnectToken!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Events.DisposeAsync();
        if (Connect is not null)
        {
            await Connect.DisposeAsync();
        }
    }

    private void Append(IReadOnlyList<SimulatedEvent> events)
    {
        // The ground truth learns of the events no later than the simulator serves them.
        lock (_gate)
        {
            _events.AddRange(events);
            Events.Append(events);
        }
    }
}
