using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Connect;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sync.Steps;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.IntegrationTests.Diagnostics;

/// <summary>The metrics a real sync emits, against the simulators and the real Neo4j, checked against what happened.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class SyncMetricsTests(Neo4jServerFixture neo4j) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();
    private readonly TestMeterFactory _meters = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly MeterListener _listener = new();

    public Task InitializeAsync()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Capture(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Capture(instrument, value, tags));
        _listener.Start();
        return neo4j.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sync_WithAThrottledPageAndAFailingVault_EmitsWhatHappened()
    {
        var inventory = InventoryGenerator.Generate(seed: 51, users: 8, vaults: 3, itemsPerVault: 4, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 51, count: 2500, TimeSpan.FromDays(6), Now.AddHours(-2));
        await using var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(activity.Events);
        api.Simulator.InjectFaults(Fault.Status(429));
        await using var connect = await ConnectSimulator.StartAsync(inventory, 0, CancellationToken.None);
        connect.FailVault(inventory.Vaults[1].Id);
        var account = ScenarioSync.Account(api.Simulator.BaseUrl, api.Simulator.AddToken(accountUuid: inventory.AccountUuid).Token, Now.AddDays(-30), name: "metrics")
            with { Connect = ScenarioSync.Connect(connect.BaseUrl, connect.AddToken()) };
        using var runner = ScenarioSync.CreateRunner(neo4j, metrics: new SyncMetrics(_meters));

        var started = TimeProvider.System.GetUtcNow();
        var summary = await runner.RunAsync(account, CancellationToken.None);
        var finished = TimeProvider.System.GetUtcNow();

        foreach (var (stream, count) in activity.CountsByFeature)
        {
            Assert.Equal(count, Sum("onepassword_graph.events.ingested", ("account", "metrics"), ("stream", stream)));
            var newest = activity.Events.Where(e => e.Feature == stream).Max(e => e.Timestamp);
            var lag = Of("onepassword_graph.events.lag", ("account", "metrics"), ("stream", stream)).Last().Value;
            Assert.InRange(lag, (started - newest).TotalSeconds - 1, (finished - newest).TotalSeconds + 1);
        }

        Assert.Equal(api.Simulator.Requests.Count, Sum("onepassword_graph.api.requests", ("api", "events")));
        Assert.Equal(1, Sum("onepassword_graph.api.requests", ("api", "events"), ("http.response.status_code", 429)));
        Assert.Equal(1, Sum("onepassword_graph.api.throttled", ("api", "events")));
        Assert.Equal(connect.Requests.Count, Sum("onepassword_graph.api.requests", ("api", "connect")));
        Assert.Equal(connect.Requests.Count(r => r.Status == 500), Sum("onepassword_graph.api.requests", ("api", "connect"), ("http.response.status_code", 500)));
        Assert.NotEqual(0, connect.Requests.Count(r => r.Status == 500));

        Assert.False(summary.Succeeded);
        var failedSteps = summary.Steps.Where(s => s.Status == StepStatus.Failure).Select(s => s.StepId).ToList();
        Assert.NotEmpty(failedSteps);
        Assert.All(failedSteps, step => Assert.Equal(1, Sum("onepassword_graph.sync.step_failures", ("account", "metrics"), ("step", step))));
        Assert.Equal(failedSteps.Count, Sum("onepassword_graph.sync.step_failures"));
        var duration = Assert.Single(Of("onepassword_graph.sync.duration", ("account", "metrics"), ("outcome", "failed")));
        Assert.Equal(summary.Duration.TotalSeconds, duration.Value, precision: 3);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
    }

    private void Capture(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal)));

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string instrument, params (string Key, object Value)[] tags) =>
        [.. _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && Equals(v, t.Value)))];

    private long Sum(string instrument, params (string Key, object Value)[] tags) => (long)Of(instrument, tags).Sum(m => m.Value);
}
