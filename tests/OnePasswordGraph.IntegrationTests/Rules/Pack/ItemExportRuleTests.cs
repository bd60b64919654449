using System.Globalization;
using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class ItemExportRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_ExportInWindow_FlagsUserAndSecretWithTheEvent()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Engineering").Secret("s1", "v1", "Prod DB");
        var export = graph.Usage("alice", "s1", "v1", "export", Now.AddMinutes(-10), ip: "203.0.113.9", appName: "1Password for Mac");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync("item-export", Now.AddHours(-1), Now));

        Assert.Equal(["alice", "s1"], finding.Flagged);
        Assert.Equal([export], finding.Evidence);
        Assert.Equal("alice|" + Hour(Now.AddMinutes(-10)), finding.DedupKey);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("alice@example.com exported Prod DB from Engineering with 1Password for Mac at 203.0.113.9", finding.Summary);
    }

    [Fact]
    public async Task Evaluate_BulkExportInOneHour_RaisesOneFindingListingTheItems()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Engineering").Secret("item-0", "v1", "Prod DB").Secret("item-1", "v1", "Deploy key");
        var exports = graph.Usages("alice", "export", Now.AddMinutes(-40), 5, TimeSpan.FromMinutes(1));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync("item-export", Now.AddHours(-1), Now));

        Assert.Equal(["alice", "item-0", "item-1", "item-2", "item-3", "item-4"], finding.Flagged);
        Assert.Equal(exports, finding.Evidence);
        Assert.StartsWith("alice@example.com exported 5 items (Prod DB, Deploy key, item-2 and 2 more) from ", finding.Summary, StringComparison.Ordinal);

        // A rerun whose window starts after the first exports still reports the whole hour as the same finding.
        var again = Assert.Single(await graph.EvaluateAsync("item-export", Now.AddMinutes(-37), Now));
        Assert.Equal(finding.Fingerprint, again.Fingerprint);
        Assert.Equal(exports, again.Evidence);
    }

    [Fact]
    public async Task Evaluate_RevealOnly_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1");
        graph.Usage("alice", "s1", "v1", "reveal", Now.AddMinutes(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync("item-export", Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_ExportBeforeWindowOrInOtherAccount_FindsNothing()
    {
        var other = new RuleTestGraph(neo4j, account: "other");
        other.Usage("bob", "s2", "v2", "export", Now.AddMinutes(-5));
        await other.WriteAsync();
        var graph = new RuleTestGraph(neo4j);
        graph.Usage("alice", "s1", "v1", "export", Now.AddHours(-2));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync("item-export", Now.AddHours(-1), Now));
    }

    private static string Hour(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() / 3_600_000).ToString(CultureInfo.InvariantCulture);
}
