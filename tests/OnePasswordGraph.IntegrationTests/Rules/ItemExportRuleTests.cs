using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules;

[Collection(Neo4jCollection.Name)]
public sealed class ItemExportRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ItemExport_ExportInWindow_FlagsUserAndSecretWithTheEvent()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Engineering").Secret("s1", "v1", "Prod DB");
        var export = graph.Usage("alice", "s1", "v1", "export", Now.AddMinutes(-10), appName: "1Password for Mac");
        await graph.WriteAsync();

        var findings = await graph.EvaluateAsync("item-export", Now.AddHours(-1), Now);

        var finding = Assert.Single(findings);
        Assert.Equal(["alice", "s1"], finding.Flagged);
        Assert.Equal([export], finding.Evidence);
        Assert.Equal(export, finding.DedupKey);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("alice@example.com exported Prod DB with 1Password for Mac", finding.Summary);
    }

    [Fact]
    public async Task ItemExport_RevealOnly_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1");
        graph.Usage("alice", "s1", "v1", "reveal", Now.AddMinutes(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync("item-export", Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task ItemExport_ExportBeforeWindowOrInOtherAccount_FindsNothing()
    {
        var other = new RuleTestGraph(neo4j, account: "other");
        other.Usage("bob", "s2", "v2", "export", Now.AddMinutes(-5));
        await other.WriteAsync();
        var graph = new RuleTestGraph(neo4j);
        graph.Usage("alice", "s1", "v1", "export", Now.AddHours(-2));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync("item-export", Now.AddHours(-1), Now));
    }
}
