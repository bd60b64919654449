using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class FirewallRuleChangedRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "firewall-rule-changed";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_TwoFirewallChangesInOneHour_FlagsActorAndAccountOnce()
    {
        var graph = new RuleTestGraph(neo4j);
        var first = graph.Audit("owner", "updatfw", "account", "ACCOUNTUUID", Now.AddMinutes(-20), ip: "198.51.100.4", country: "DE");
        var second = graph.Audit("owner", "updatfw", "account", "ACCOUNTUUID", Now.AddMinutes(-5), ip: "198.51.100.4", country: "DE");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(["owner", "acme"], finding.Flagged);
        Assert.Equal([first, second], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-5), finding.OccurredOn);
        Assert.Equal("owner@example.com changed the sign-in firewall rules (2 changes) from 198.51.100.4 in DE", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-30), Now.AddMinutes(30)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_ChangesInTwoClockHours_FlagsTwoFindings()
    {
        var graph = new RuleTestGraph(neo4j);
        var earlier = graph.Audit("owner", "updatfw", "account", "ACCOUNTUUID", Now.AddMinutes(-70));
        var later = graph.Audit("owner", "updatfw", "account", "ACCOUNTUUID", Now.AddMinutes(-10));
        await graph.WriteAsync();

        var findings = await graph.EvaluateAsync(RuleId, Now.AddHours(-2), Now);

        var ordered = findings.OrderBy(f => f.OccurredOn).ToList();
        Assert.Equal(2, ordered.Count);
        Assert.Equal([earlier], ordered[0].Evidence);
        Assert.Equal([later], ordered[1].Evidence);
        Assert.NotEqual(ordered[0].DedupKey, ordered[1].DedupKey);
    }

    [Fact]
    public async Task Evaluate_OtherAccountSettingsChanged_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("owner", "update", "account", "ACCOUNTUUID", Now.AddMinutes(-20));
        graph.Audit("owner", "updatea", "account", "ACCOUNTUUID", Now.AddMinutes(-15));
        graph.Audit("owner", "updatmfa", "account", "ACCOUNTUUID", Now.AddMinutes(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }
}
