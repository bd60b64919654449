using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class FirstVaultAccessRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string Rule = "first-vault-access";

    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_EstablishedUserUsesNewVault_FlagsUserAndVault()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v2", "Finance").Secret("s9", "v2", "Bank portal");
        History(graph, 20);
        var first = graph.Usage("alice", "s9", "v2", "fill", Now.AddMinutes(-20), ip: "198.51.100.17");
        var second = graph.Usage("alice", "s9", "v2", "reveal", Now.AddMinutes(-10), ip: "198.51.100.17");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));

        Assert.Equal(["alice", "v2"], finding.Flagged);
        Assert.Equal([first, second], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-20), finding.OccurredOn);
        Assert.Equal("alice|v2", finding.DedupKey);
        Assert.Equal(
            "alice@example.com used vault Finance for the first time: Bank portal (2 uses from 198.51.100.17), after 20 usages of 1 other vaults in the last 30 days; no direct grant of this vault to them on record",
            finding.Summary);

        // Evaluated again once the first use is behind the window: the later use is not a first, so nothing new.
        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddMinutes(-15), Now));
        var again = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddMinutes(-30), Now.AddHours(1)));
        Assert.Equal(finding.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_VaultUsedLongBefore_FindsNothing()
    {
        // "Never before" looks at all history, not only the baseline days.
        var graph = new RuleTestGraph(neo4j);
        History(graph, 20);
        graph.Usage("alice", "s8", "v2", "fill", Now.AddDays(-90));
        graph.Usage("alice", "s9", "v2", "fill", Now.AddMinutes(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_TooLittleHistory_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        History(graph, 19);
        graph.Usage("alice", "s9", "v2", "fill", Now.AddMinutes(-10));
        graph.Usage("newbie", "s9", "v2", "fill", Now.AddMinutes(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_DirectGrantBeforeFirstUse_FlagsAndSaysSo()
    {
        var graph = new RuleTestGraph(neo4j);
        History(graph, 20);
        graph.Audit("admin", "grant", "uva", "v2", Now.AddHours(-3), auxUser: "alice", auxInfo: "R");
        graph.Audit("admin", "grant", "uva", "v3", Now.AddHours(-1), auxUser: "alice", auxInfo: "R");
        graph.Usage("alice", "s9", "v2", "fill", Now.AddMinutes(-10));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));

        Assert.EndsWith("; granted to them directly 2 h before", finding.Summary, StringComparison.Ordinal);
    }

    // Usages of vault v1 by alice, one a day over the past weeks.
    [Fact]
    public async Task Evaluate_FirstUsesOfTwoVaultsDaysApart_EachCountsTheDaysBeforeIt()
    {
        var graph = new RuleTestGraph(neo4j);
        History(graph, 25);
        graph.Usage("alice", "s8", "v2", "fill", Now.AddDays(-3));
        graph.Usage("alice", "s9", "v3", "fill", Now.AddMinutes(-10));
        await graph.WriteAsync();

        var findings = await graph.EvaluateAsync(Rule, Now.AddDays(-4), Now);

        Assert.Equal(2, findings.Count);
        Assert.Contains("after 23 usages of 1 other vaults", findings.Single(f => f.DedupKey == "alice|v2").Summary, StringComparison.Ordinal);
        Assert.Contains("after 26 usages of 2 other vaults", findings.Single(f => f.DedupKey == "alice|v3").Summary, StringComparison.Ordinal);
    }

    private static void History(RuleTestGraph graph, int count) =>
        graph.Usages("alice", "fill", Now.AddDays(-count - 1), count, TimeSpan.FromDays(1), vault: "v1", itemPrefix: "daily");
}
