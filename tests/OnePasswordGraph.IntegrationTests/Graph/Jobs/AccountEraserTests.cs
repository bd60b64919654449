using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Mapping.Events;
using OnePasswordGraph.Sources.Events.Records;

namespace OnePasswordGraph.IntegrationTests.Graph.Jobs;

[Collection(Neo4jCollection.Name)]
public sealed class AccountEraserTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string Shared = "SHAREDUSERAAAAAAAAAAAAAAAA";

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task EraseAsync_PersonInTwoAccounts_KeepsTheOtherAccountsUserEventsAndEdges()
    {
        await WriteUsagesAsync("msp-client-a", Shared, "ONLYAAAAAAAAAAAAAAAAAAAAAA", events: 3);
        await WriteUsagesAsync("msp-client-b", Shared, "ONLYBBBBBBBBBBBBBBBBBBBBBB", events: 4);
        var before = await DumpAccountAsync("msp-client-b");

        await new AccountEraser(neo4j.Runner, GraphSchema.OnePassword).EraseAsync("msp-client-a", CancellationToken.None);

        Assert.Equal(before, await DumpAccountAsync("msp-client-b"));
        Assert.Equal(0, await neo4j.CountAsync("MATCH (n) WHERE n.account = 'msp-client-a' RETURN count(n) AS c"));
        Assert.Equal(0, await neo4j.CountAsync("MATCH ()-[r]->() WHERE r.account = 'msp-client-a' RETURN count(r) AS c"));
        Assert.Equal(0, await neo4j.CountAsync("MATCH (u:one_password_user {_key: 'ONLYAAAAAAAAAAAAAAAAAAAAAA'}) RETURN count(u) AS c"));
        Assert.Equal(1, await neo4j.CountAsync($"MATCH (u:one_password_user {{_key: '{Shared}'}}) RETURN count(u) AS c"));
    }

    [Fact]
    public async Task EraseAsync_SharedUserLastWrittenByErasedAccount_IsHandedToTheAccountStillUsingIt()
    {
        await WriteUsagesAsync("msp-client-b", Shared, "ONLYBBBBBBBBBBBBBBBBBBBBBB", events: 2);
        await WriteUsagesAsync("msp-client-a", Shared, "ONLYAAAAAAAAAAAAAAAAAAAAAA", events: 2);
        var performedInB = $"MATCH (:one_password_user {{_key: '{Shared}'}})-[:PERFORMED]->(e:one_password_item_usage_event {{account: 'msp-client-b'}}) RETURN count(e) AS c";
        var before = await neo4j.CountAsync(performedInB);

        await new AccountEraser(neo4j.Runner, GraphSchema.OnePassword).EraseAsync("msp-client-a", CancellationToken.None);

        var owner = await neo4j.QueryAsync($"MATCH (u:one_password_user {{_key: '{Shared}'}}) RETURN u.account AS account");
        Assert.Equal("msp-client-b", owner.Value(0, "account"));
        Assert.Equal(1, before);
        Assert.Equal(before, await neo4j.CountAsync(performedInB));
    }

    private async Task WriteUsagesAsync(string account, string sharedUser, string ownUser, int events)
    {
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var usages = Enumerable.Range(0, events).Select(i => new ItemUsage
        {
            Uuid = $"{account}-event-{i}",
            Timestamp = start.AddMinutes(i),
            Action = "reveal",
            VaultUuid = $"{account}-vault",
            ItemUuid = $"{account}-item-{i % 2}",
            User = new EventUser { Uuid = i % 2 == 0 ? sharedUser : ownUser, Email = $"person{i % 2}@example.com" },
        }).ToList();
        var changes = new ItemUsageMapper(account).Map(usages, "v2");
        var accountNode = new GraphEntity(OnePasswordNodeTypes.Account, account, new Dictionary<string, object?> { ["name"] = account });
        await neo4j.CreateWriter().WriteAsync(changes with { Entities = [.. changes.Entities, accountNode] }, new GraphWriteContext(account), CancellationToken.None);
    }

    private async Task<string> DumpAccountAsync(string account)
    {
        var result = await neo4j.QueryAsync(
            "MATCH (n)-[r]->(m) WHERE r.account = $account RETURN n._key AS from, type(r) AS type, m._key AS to, properties(r) AS props, properties(n) AS fromProps ORDER BY from, type, to",
            new Dictionary<string, object?> { ["account"] = account });
        return string.Join("\n", result.Rows.Select(row => string.Join(" | ", row.Select(v => v is IReadOnlyDictionary<string, object?> map
            ? string.Join(",", map.Where(p => p.Key != "account").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))
            : v?.ToString()))));
    }
}
