using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Connect;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.IntegrationTests.Sync;

/// <summary>Inventory from the Connect simulator into the real Neo4j: counts, soft deletes, moves, failures, secrets.</summary>
[Collection(Neo4jCollection.Name)]
// Not sealed: InventorySyncTestsThroughQueryApi runs the same tests through the Query API.
public class InventorySyncTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();
    private readonly ScenarioInventory _inventory = InventoryGenerator.Generate(seed: 31, users: 10, vaults: 5, itemsPerVault: 8, now: Now);
    private ConnectSimulator _connect = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        await neo4j.ResetAsync();
        _connect = await ConnectSimulator.StartAsync(_inventory, 0, CancellationToken.None);
        _token = _connect.AddToken();
    }

    public async Task DisposeAsync() => await _connect.DisposeAsync();

    [Fact]
    public async Task RunAsync_FullListing_InventoryCountsEqualTheSimulator()
    {
        var summary = await SyncAsync();

        Assert.True(summary.Succeeded, RunSummaryText.Describe(summary));
        Assert.Equal(_inventory.Vaults.Count, await neo4j.CountAsync("MATCH (:one_password_account {_key: 'default'})-[:HAS]->(v:one_password_vault {active: true}) RETURN count(v) AS c"));
        Assert.Equal(_inventory.Items.Count, await neo4j.CountAsync("MATCH (:one_password_vault)-[:HAS]->(s:one_password_secret {active: true, placeholder: false}) RETURN count(s) AS c"));
        var item = _inventory.Items[0];
        var row = (await neo4j.QueryAsync("MATCH (s:one_password_secret {_key: $k}) RETURN s.name AS n, s.category AS c, s.vaultUUID AS v", new Dictionary<string, object?> { ["k"] = item.Id })).Rows.Single();
        Assert.Equal([item.Title, item.Category, item.VaultId], row);
    }

    [Fact]
    public async Task RunAsync_VaultAndItemRemoved_AreSoftDeletedAndKeepTheirEdges()
    {
        await SyncAsync();
        var removedVault = _inventory.Vaults[1];
        var removedItem = _inventory.Items.First(i => i.VaultId == _inventory.Vaults[0].Id);
        _connect.RemoveVault(removedVault.Id);
        _connect.RemoveItem(removedItem.Id);

        await SyncAsync();

        var vault = (await neo4j.QueryAsync("MATCH (v:one_password_vault {_key: $k}) RETURN v.active AS a, v.deletedOn IS NOT NULL AS d", Key(removedVault.Id))).Rows.Single();
        var item = (await neo4j.QueryAsync("MATCH (s:one_password_secret {_key: $k}) RETURN s.active AS a, s.deletedOn IS NOT NULL AS d", Key(removedItem.Id))).Rows.Single();
        Assert.Equal([false, true], vault);
        Assert.Equal([false, true], item);
        Assert.Equal(_inventory.Vaults.Count - 1, await neo4j.CountAsync("MATCH (v:one_password_vault {active: true}) RETURN count(v) AS c"));
    }

    [Fact]
    public async Task RunAsync_ItemMovedToAnotherVault_HasExactlyOneHasEdge()
    {
        await SyncAsync();
        var item = _inventory.Items[0];
        var target = _inventory.Vaults.First(v => v.Id != item.VaultId);
        _connect.MoveItem(item.Id, target.Id);

        await SyncAsync();

        var owners = (await neo4j.QueryAsync("MATCH (v:one_password_vault)-[:HAS]->(s:one_password_secret {_key: $k}) RETURN v._key AS v", Key(item.Id))).Rows;
        Assert.Equal([[target.Id]], owners);
        Assert.Equal(target.Id, (await neo4j.QueryAsync("MATCH (s:one_password_secret {_key: $k}) RETURN s.vaultUUID AS v", Key(item.Id))).Rows.Single()[0]);
    }

    [Fact]
    public async Task RunAsync_VaultListingFailsWith500_LeavesItsItemsUntouchedAndReportsTheFailure()
    {
        await SyncAsync();
        var failing = _inventory.Vaults[2];
        var itemsOfFailing = _inventory.Items.Count(i => i.VaultId == failing.Id);
        _connect.FailVault(failing.Id);
        _connect.RemoveItem(_inventory.Items.First(i => i.VaultId == failing.Id).Id);

        var summary = await SyncAsync();

        var items = summary.Steps.Single(s => s.StepId == "items");
        Assert.Equal(StepStatus.Failure, items.Status);
        Assert.Contains($"vault {failing.Id}", items.Error, StringComparison.Ordinal);
        Assert.Equal(itemsOfFailing, await neo4j.CountAsync(
            "MATCH (v:one_password_vault {_key: $k})-[:HAS]->(s:one_password_secret {active: true}) RETURN count(s) AS c", Key(failing.Id)));

        _connect.HealVault(failing.Id);
        await AssertAGoodRunRestoresEverythingAsync(removedItems: 1);
    }

    [Fact]
    public async Task RunAsync_ConnectRefusesConnections_MarksNothingInactive_AndTheNextGoodRunRestoresEverything()
    {
        await SyncAsync();
        _connect.RemoveItem(_inventory.Items[5].Id);

        var summary = await SyncAsync(new Uri($"http://127.0.0.1:{ClosedPort.Find()}"));

        Assert.False(summary.Succeeded);
        Assert.Equal(StepStatus.Failure, summary.Steps.Single(s => s.StepId == "vaults").Status);
        Assert.Equal(0, await neo4j.CountAsync("MATCH (n) WHERE n.active = false RETURN count(n) AS c"));
        Assert.Equal(_inventory.Items.Count, await neo4j.CountAsync("MATCH (:one_password_vault {active: true})-[:HAS]->(s:one_password_secret {active: true}) RETURN count(s) AS c"));
        await AssertAGoodRunRestoresEverythingAsync(removedItems: 1);
    }

    [Fact]
    public async Task RunAsync_ItemListingCutMidBody_MarksNothingOfThatVaultInactive_AndTheNextGoodRunRestoresEverything()
    {
        var cut = _inventory.Vaults[3];
        await using var proxy = await FaultProxy.StartAsync(_connect.BaseUrl);
        proxy.FaultByPath = path => path == $"/v1/vaults/{cut.Id}/items" ? ProxyFault.CutMidBody : null;
        await SyncAsync();
        _connect.RemoveItem(_inventory.Items.First(i => i.VaultId == cut.Id).Id);

        var summary = await SyncAsync(proxy.BaseUrl);

        var items = summary.Steps.Single(s => s.StepId == "items");
        Assert.Equal(StepStatus.Failure, items.Status);
        Assert.Contains($"vault {cut.Id}", items.Error, StringComparison.Ordinal);
        Assert.Equal(0, await neo4j.CountAsync("MATCH (n) WHERE n.active = false RETURN count(n) AS c"));
        Assert.Equal(_inventory.Items.Count(i => i.VaultId != cut.Id), await neo4j.CountAsync(
            "MATCH (v:one_password_vault {active: true})-[:HAS]->(s:one_password_secret {active: true}) WHERE v._key <> $k RETURN count(s) AS c", Key(cut.Id)));

        proxy.FaultByPath = null;
        await AssertAGoodRunRestoresEverythingAsync(removedItems: 1, proxy.BaseUrl);
    }

    // After a good run the graph holds exactly what Connect lists, active, and nothing else active.
    private async Task AssertAGoodRunRestoresEverythingAsync(int removedItems, Uri? connectUrl = null)
    {
        var summary = await SyncAsync(connectUrl);

        Assert.True(summary.Succeeded, RunSummaryText.Describe(summary));
        Assert.Equal(_inventory.Vaults.Count, await neo4j.CountAsync("MATCH (:one_password_account {_key: 'default'})-[:HAS]->(v:one_password_vault {active: true}) RETURN count(v) AS c"));
        Assert.Equal(_inventory.Items.Count - removedItems, await neo4j.CountAsync("MATCH (:one_password_vault {active: true})-[:HAS]->(s:one_password_secret {active: true}) RETURN count(s) AS c"));
        Assert.Equal(removedItems, await neo4j.CountAsync("MATCH (s:one_password_secret {active: false}) RETURN count(s) AS c"));
        Assert.Equal(0, await neo4j.CountAsync("MATCH (v:one_password_vault {active: false}) RETURN count(v) AS c"));
    }

    [Fact]
    public async Task RunAsync_EventsAndInventoryInEitherOrder_GiveTheSameGraph()
    {
        var activity = ActivityGenerator.Generate(_inventory, seed: 31, count: 1500, TimeSpan.FromDays(5), Now);
        await using var events = await EventsApiHarness.StartAsync();
        events.Simulator.Append(activity.Events);
        var eventsToken = events.Simulator.AddToken().Token;
        var eventsOnly = ScenarioSync.Account(events.Simulator.BaseUrl, eventsToken, Now.AddDays(-10));
        var inventoryOnly = eventsOnly with { Events = null, Connect = ScenarioSync.Connect(_connect.BaseUrl, _token) };
        using var runner = ScenarioSync.CreateRunner(neo4j);

        await runner.RunAsync(eventsOnly, CancellationToken.None);
        await runner.RunAsync(inventoryOnly, CancellationToken.None);
        var eventsFirst = await ComparableGraphAsync();
        await neo4j.ResetAsync();
        await runner.RunAsync(inventoryOnly, CancellationToken.None);
        await runner.RunAsync(eventsOnly with { Name = "default" }, CancellationToken.None);
        var inventoryFirst = await ComparableGraphAsync();

        Assert.Equal(eventsFirst, inventoryFirst);
    }

    [Fact]
    public async Task RunAsync_WithItemDetails_NoSecretOrTokenReachesTheGraphOrTheLogs()
    {
        var activity = ActivityGenerator.Generate(_inventory, seed: 32, count: 800, TimeSpan.FromDays(3), Now);
        await using var events = await EventsApiHarness.StartAsync();
        events.Simulator.Append(activity.Events);
        var eventsToken = events.Simulator.AddToken().Token;
        var account = ScenarioSync.Account(events.Simulator.BaseUrl, eventsToken, Now.AddDays(-10)) with { Connect = ScenarioSync.Connect(_connect.BaseUrl, _token, fetchDetails: true) };
        using var logs = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var runner = ScenarioSync.CreateRunner(neo4j, loggers: loggers);
        _connect.FailVault(_inventory.Vaults[0].Id);

        await runner.RunAsync(account, CancellationToken.None);

        var forbidden = _inventory.SecretCanaries.Append(eventsToken).Append(_token).ToList();
        Assert.Contains(forbidden, canary => canary.StartsWith("CANARY-", StringComparison.Ordinal));
        var graphText = await AllPropertyTextAsync();
        var logged = logs.Collector.GetSnapshot();
        var logText = string.Join("\n", logged.Select(record => $"{record.Message} {record.Exception}"));
        Assert.NotEmpty(logged);
        Assert.Contains("deploy_key.pem", graphText, StringComparison.Ordinal);
        Assert.All(forbidden, secret => Assert.DoesNotContain(secret, graphText, StringComparison.Ordinal));
        Assert.All(forbidden, secret => Assert.DoesNotContain(secret, logText, StringComparison.Ordinal));
        Assert.DoesNotContain("CANARY-", graphText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_WithItemDetails_ReadsAnItemsDetailsAgainOnlyWhenItsVersionChanged()
    {
        var edited = _inventory.Items[3];

        var first = await SyncAsync(fetchDetails: true);
        var readsAfterFirst = DetailReads();
        var second = await SyncAsync(fetchDetails: true);
        var readsAfterSecond = DetailReads();
        _connect.EditItem(edited.Id);
        var third = await SyncAsync(fetchDetails: true);

        Assert.All([first, second, third], summary => Assert.True(summary.Succeeded, RunSummaryText.Describe(summary)));
        Assert.Equal(_inventory.Items.Count, readsAfterFirst.Count);
        Assert.Equal(readsAfterFirst, readsAfterSecond);
        Assert.Equal([$"/v1/vaults/{edited.VaultId}/items/{edited.Id}"], DetailReads().Skip(readsAfterSecond.Count));
        var row = (await neo4j.QueryAsync("MATCH (s:one_password_secret {_key: $k}) RETURN s.version AS v, s.detailsVersion AS d, s.detailsReadOn AS r", Key(edited.Id))).Rows.Single();
        Assert.Equal(row[0], row[1]);
        Assert.Equal(edited.Version + 1L, row[1]);
        Assert.IsType<long>(row[2]);
        Assert.Equal(_inventory.Items.Count, await neo4j.CountAsync("MATCH (s:one_password_secret) WHERE s.detailsVersion = s.version RETURN count(s) AS c"));
    }

    private List<string> DetailReads() =>
        [.. _connect.Requests.Where(r => r.Method == "GET" && r.Path.Count(c => c == '/') == 5 && r.Path.Contains("/items/", StringComparison.Ordinal)).Select(r => r.Path)];

    private async Task<SyncRunSummary> SyncAsync(bool fetchDetails = false) => await SyncAsync(_connect.BaseUrl, fetchDetails);

    private async Task<SyncRunSummary> SyncAsync(Uri? connectUrl, bool fetchDetails = false)
    {
        using var runner = ScenarioSync.CreateRunner(neo4j);
        return await runner.RunAsync(new AccountSettings("default", null, ScenarioSync.Connect(connectUrl ?? _connect.BaseUrl, _token, fetchDetails), null), CancellationToken.None);
    }

    private static Dictionary<string, object?> Key(string key) => new() { ["k"] = key };

    private async Task<string> ComparableGraphAsync()
    {
        // Bookkeeping that differs by run (times, run ids, sync state) is left out; everything else must match.
        string[] skipped = ["firstSeenOn", "lastSeenOn", "syncTag"];
        var nodes = await neo4j.QueryAsync("MATCH (n) WHERE NOT n:one_password_sync_state RETURN n._key AS k, labels(n) AS l, n AS n ORDER BY k");
        var relationships = await neo4j.QueryAsync("MATCH (a)-[r]->(b) RETURN a._key + '-' + type(r) + '->' + b._key AS k, r AS r ORDER BY k");
        return string.Join("\n", nodes.Rows.Concat(relationships.Rows).Select(row => string.Join(" ", row.Select(value => Text(value, skipped)))));
    }

    private async Task<string> AllPropertyTextAsync()
    {
        var nodes = await neo4j.QueryAsync("MATCH (n) RETURN n AS n");
        var relationships = await neo4j.QueryAsync("MATCH ()-[r]->() RETURN r AS r");
        return string.Join("\n", nodes.Rows.Concat(relationships.Rows).Select(row => Text(row[0], [])));
    }

    private static string Text(object? value, string[] skipped) => value switch
    {
        IReadOnlyDictionary<string, object?> map => string.Join(";", map.Where(p => !skipped.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Text(p.Value, skipped)}")),
        IEnumerable<object?> list => string.Join(",", list.Select(item => Text(item, skipped)).Order(StringComparer.Ordinal)),
        _ => value?.ToString() ?? "null",
    };
}
