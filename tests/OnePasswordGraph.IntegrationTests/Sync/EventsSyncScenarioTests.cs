using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sync;

namespace OnePasswordGraph.IntegrationTests.Sync;

/// <summary>Whole syncs of a seeded simulator scenario into the real Neo4j.</summary>
[Collection(Neo4jCollection.Name)]
// Not sealed: EventsSyncScenarioTestsThroughQueryApi runs the same tests through the Query API.
public class EventsSyncScenarioTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_FiftyThousandEvents_GraphHoldsExactlyTheScenarioAndASecondSyncChangesNothing()
    {
        var inventory = InventoryGenerator.Generate(seed: 11, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 11, count: 50_000, TimeSpan.FromDays(60), Now);
        await using var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(activity.Events);
        var account = ScenarioSync.Account(api.Simulator.BaseUrl, api.Simulator.AddToken(accountUuid: inventory.AccountUuid).Token, Now.AddDays(-90));
        using var runner = ScenarioSync.CreateRunner(neo4j);

        var first = await runner.RunAsync(account, CancellationToken.None);
        var afterFirst = await GraphShapeAsync();
        var second = await runner.RunAsync(account, CancellationToken.None);

        Assert.True(first.Succeeded, RunSummaryText.Describe(first));
        Assert.True(second.Succeeded, RunSummaryText.Describe(second));
        await AssertGraphHoldsExactlyAsync(activity);
        Assert.Equal(afterFirst, await GraphShapeAsync());
        await AssertUsageAggregatesAreExactAsync();
    }

    [Fact]
    public async Task RunAsync_EventsArrivingLate_AreInTheGraphAfterTheNextSync()
    {
        var inventory = InventoryGenerator.Generate(seed: 12, users: 8, vaults: 3, itemsPerVault: 5, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 12, count: 3000, TimeSpan.FromDays(10), Now.AddDays(-1));
        await using var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(activity.Events);
        var account = ScenarioSync.Account(api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-30));
        using var runner = ScenarioSync.CreateRunner(neo4j);
        await runner.RunAsync(account, CancellationToken.None);

        // Three days old, but only now visible to the API: a poller by time window would never ask for them again.
        var late = ActivityGenerator.Generate(inventory, seed: 99, count: 40, TimeSpan.FromHours(2), Now.AddDays(-3)).Events;
        api.Simulator.Append(late);
        await runner.RunAsync(account, CancellationToken.None);

        await AssertGraphHoldsExactlyAsync(new ScenarioActivity([.. activity.Events, .. late], []));
    }

    [Fact]
    public async Task RunAsync_CancelledBetweenPagesThenRunAgain_EndsWithExactlyTheScenario()
    {
        var inventory = InventoryGenerator.Generate(seed: 13, users: 10, vaults: 4, itemsPerVault: 5, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 13, count: 6000, TimeSpan.FromDays(10), Now);
        await using var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(activity.Events);
        var account = ScenarioSync.Account(api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-30));
        using var runner = ScenarioSync.CreateRunner(neo4j);
        using var stop = new CancellationTokenSource();
        var watcher = StopAfterFirstPageAsync(stop);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(account, stop.Token));
        await watcher;
        var partial = await neo4j.CountAsync("MATCH (e:one_password_item_usage_event) RETURN count(e) AS c");
        await runner.RunAsync(account, CancellationToken.None);

        Assert.InRange(partial, 1, activity.CountsByFeature["itemusages"] - 1);
        await AssertGraphHoldsExactlyAsync(activity);
    }

    private async Task StopAfterFirstPageAsync(CancellationTokenSource stop)
    {
        // Waits on the graph itself: as soon as a page and its cursor are committed, ask the sync to stop.
        for (var i = 0; i < 2000; i++)
        {
            if (await neo4j.CountAsync("MATCH (s:one_password_sync_state {_key: 'default:itemusages'}) RETURN count(s) AS c") > 0)
            {
                await stop.CancelAsync();
                return;
            }

            await Task.Yield();
        }
    }

    private async Task AssertGraphHoldsExactlyAsync(ScenarioActivity activity)
    {
        await ScenarioGraph.AssertEventsExactlyAsync(neo4j, activity);
        var users = activity.Events.SelectMany(UsersOf).Distinct().Order(StringComparer.Ordinal).ToList();
        var graphUsers = (await neo4j.QueryAsync("MATCH (u:one_password_user) RETURN u._key AS k ORDER BY k")).Rows.Select(r => (string)r[0]!).ToList();
        Assert.Equal(users, graphUsers);
    }

    private static IEnumerable<string> UsersOf(SimulatedEvent e) => e switch
    {
        SimulatedItemUsage usage => [usage.User.Uuid],
        SimulatedSignInAttempt signIn => [signIn.TargetUser.Uuid],
        SimulatedAuditEvent audit => new[] { audit.Actor.Uuid, audit.ObjectUser?.Uuid, audit.AuxUser?.Uuid, audit.ObjectType == "user" ? audit.ObjectUuid : null }.OfType<string>(),
        _ => [],
    };

    private async Task<string> GraphShapeAsync()
    {
        var nodes = await neo4j.QueryAsync("MATCH (n) RETURN labels(n)[0] AS l, count(*) AS c, sum(size(keys(n))) AS p ORDER BY l");
        var relationships = await neo4j.QueryAsync("MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS c, sum(coalesce(r.count, 0)) AS u ORDER BY t");
        return string.Join(";", nodes.Rows.Concat(relationships.Rows).Select(r => string.Join(",", r)));
    }

    private async Task AssertUsageAggregatesAreExactAsync()
    {
        var used = await neo4j.QueryAsync(
            "MATCH (u:one_password_user)-[r:USED]->(s:one_password_secret) RETURN u._key AS u, s._key AS s, r.count AS c, r.firstUsedOn AS f, r.lastUsedOn AS l ORDER BY u, s");
        var recomputed = await neo4j.QueryAsync(
            "MATCH (u:one_password_user)-[:PERFORMED]->(e:one_password_item_usage_event)-[:ACCESSED]->(s:one_password_secret) "
            + "RETURN u._key AS u, s._key AS s, count(e) AS c, min(e.timestamp) AS f, max(e.timestamp) AS l ORDER BY u, s");
        Assert.NotEmpty(used.Rows);
        Assert.Equal(recomputed.Rows, used.Rows);
    }
}
