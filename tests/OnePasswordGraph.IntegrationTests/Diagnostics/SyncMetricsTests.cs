using Microsoft.Extensions.Diagnostics.Metrics.Testing;
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

    public Task InitializeAsync() => neo4j.ResetAsync();

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
        using var ingested = Collect<long>("onepassword_graph.events.ingested");
        using var lag = Collect<double>("onepassword_graph.events.lag");
        using var requests = Collect<long>("onepassword_graph.api.requests");
        using var throttled = Collect<long>("onepassword_graph.api.throttled");
        using var stepFailures = Collect<long>("onepassword_graph.sync.step_failures");
        using var duration = Collect<double>("onepassword_graph.sync.duration");
        using var runner = ScenarioSync.CreateRunner(neo4j, metrics: new SyncMetrics(_meters));

        var started = TimeProvider.System.GetUtcNow();
        var summary = await runner.RunAsync(account, CancellationToken.None);
        var finished = TimeProvider.System.GetUtcNow();

        foreach (var (stream, count) in activity.CountsByFeature)
        {
            Assert.Equal(count, Sum(ingested, ("account", "metrics"), ("stream", stream)));
            var newest = activity.Events.Where(e => e.Feature == stream).Max(e => e.Timestamp);
            var lastLag = Of(lag, ("account", "metrics"), ("stream", stream)).Last().Value;
            Assert.InRange(lastLag, (started - newest).TotalSeconds - 1, (finished - newest).TotalSeconds + 1);
        }

        Assert.Equal(api.Simulator.Requests.Count, Sum(requests, ("api", "events")));
        Assert.Equal(1, Sum(requests, ("api", "events"), ("http.response.status_code", 429)));
        Assert.Equal(1, Sum(throttled, ("api", "events")));
        Assert.Equal(connect.Requests.Count, Sum(requests, ("api", "connect")));
        Assert.Equal(connect.Requests.Count(r => r.Status == 500), Sum(requests, ("api", "connect"), ("http.response.status_code", 500)));
        Assert.NotEqual(0, connect.Requests.Count(r => r.Status == 500));

        Assert.False(summary.Succeeded);
        var failedSteps = summary.Steps.Where(s => s.Status == StepStatus.Failure).Select(s => s.StepId).ToList();
        Assert.NotEmpty(failedSteps);
        Assert.All(failedSteps, step => Assert.Equal(1, Sum(stepFailures, ("account", "metrics"), ("step", step))));
        Assert.Equal(failedSteps.Count, Sum(stepFailures));
        var run = Assert.Single(Of(duration, ("account", "metrics"), ("outcome", "failed")));
        Assert.Equal(summary.Duration.TotalSeconds, run.Value, precision: 3);
    }

    public void Dispose() => _meters.Dispose();

    private static List<CollectedMeasurement<T>> Of<T>(MetricCollector<T> collector, params (string Key, object Value)[] tags)
        where T : struct =>
        [.. collector.GetMeasurementSnapshot().ContainsTags([.. tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value))])];

    private static long Sum(MetricCollector<long> collector, params (string Key, object Value)[] tags) => Of(collector, tags).Sum(m => m.Value);

    // Only this test's meter factory: the sync's instruments in other tests never reach these collectors.
    private MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(_meters, SyncMetrics.MeterName, instrument);
}
