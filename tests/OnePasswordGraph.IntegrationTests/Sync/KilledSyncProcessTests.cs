using System.Globalization;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Sync;

/// <summary>A <c>sync</c> process killed mid-backfill loses nothing and duplicates nothing when run again.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class KilledSyncProcessTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sync_ProcessKilledBetweenPages_RerunEndsWithExactlyTheScenario()
    {
        var inventory = InventoryGenerator.Generate(seed: 21, users: 12, vaults: 4, itemsPerVault: 6, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 21, count: 12_000, TimeSpan.FromDays(20), Now);
        await using var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(activity.Events);
        var token = api.Simulator.AddToken().Token;
        var environment = CliProcess.Environment(neo4j, api.Simulator.BaseUrl, token, Now.AddDays(-30).ToString("o", CultureInfo.InvariantCulture));

        using (var doomed = CliProcess.Start(environment, "sync"))
        {
            await ScenarioGraph.WaitForAsync(neo4j, doomed, "MATCH (s:one_password_sync_state {_key: 'default:itemusages'}) RETURN count(s) AS c");
            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync();
        }

        var partial = await neo4j.CountAsync("MATCH (e:one_password_item_usage_event) RETURN count(e) AS c");
        using var runner = ScenarioSync.CreateRunner(neo4j);
        var summary = await runner.RunAsync(ScenarioSync.Account(api.Simulator.BaseUrl, token, Now.AddDays(-30)), CancellationToken.None);

        Assert.True(summary.Succeeded);
        Assert.InRange(partial, 1, activity.CountsByFeature["itemusages"] - 1);
        await ScenarioGraph.AssertEventsExactlyAsync(neo4j, activity);
    }
}
