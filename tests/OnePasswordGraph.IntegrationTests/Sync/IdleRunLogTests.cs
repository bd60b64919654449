using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Connect;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sync;

namespace OnePasswordGraph.IntegrationTests.Sync;

/// <summary>What a scheduled run says at Information: a run that found nothing new (events, inventory, findings) says so in one line.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class IdleRunLogTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_NothingNew_LogsOneInformationLine()
    {
        var inventory = InventoryGenerator.Generate(seed: 93, users: 6, vaults: 3, itemsPerVault: 3, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 93, count: 300, TimeSpan.FromDays(5), Now);
        await using var events = await EventsApiHarness.StartAsync();
        events.Simulator.Append(activity.Events);
        await using var connect = await ConnectSimulator.StartAsync(inventory, 0, CancellationToken.None);
        var account = ScenarioSync.Account(events.Simulator.BaseUrl, events.Simulator.AddToken().Token, Now.AddDays(-10)) with
        {
            Connect = ScenarioSync.Connect(connect.BaseUrl, connect.AddToken()),
        };
        using var logs = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var runner = ScenarioSync.CreateRunner(neo4j, loggers: loggers, alerts: true);
        var first = await runner.RunAsync(account, CancellationToken.None);
        Assert.True(first.Succeeded, RunSummaryText.Describe(first));
        var busy = logs.Collector.GetSnapshot().Count(r => r.Level >= LogLevel.Information);
        logs.Collector.Clear();

        var idle = await runner.RunAsync(account, CancellationToken.None);

        Assert.True(idle.Succeeded, RunSummaryText.Describe(idle));
        var said = logs.Collector.GetSnapshot().Where(r => r.Level >= LogLevel.Information).ToList();
        Assert.True(busy > 1, "the first run wrote events and should say so per stream");
        Assert.Equal("RunFinished", Assert.Single(said).Id.Name);
    }
}
