using System.Globalization;
using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class SensitiveItemAccessedRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string Rule = "sensitive-item-accessed";

    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    private static readonly Dictionary<string, string> CrownJewels = new() { ["sensitiveTags"] = "crown-jewel" };

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_DefaultEmptyWatchLists_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Break Glass").Secret("s1", "v1", "AWS root", "crown-jewel");
        graph.Usage("alice", "s1", "v1", "reveal", Now.AddMinutes(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_UseOfItemWithWatchedTag_FlagsUserAndItemWithTheDaysUses()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Break Glass").Secret("s1", "v1", "AWS root", "prod", "Crown-Jewel/aws");
        var fill = graph.Usage("alice", "s1", "v1", "fill", Now.AddHours(-5), ip: "198.51.100.17");
        var reveal = graph.Usage("alice", "s1", "v1", "reveal", Now.AddMinutes(-10), ip: "198.51.100.17", appName: "1Password for Mac");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now, CrownJewels));

        Assert.Equal(["alice", "s1"], finding.Flagged);
        Assert.Equal([fill, reveal], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("alice|s1|" + (Now.ToUnixTimeMilliseconds() / 86_400_000).ToString(CultureInfo.InvariantCulture), finding.DedupKey);
        Assert.Equal(
            "alice@example.com used the sensitive item AWS root in Break Glass (tags: prod, Crown-Jewel/aws): 2 times (fill, reveal) from 198.51.100.17 with 1Password for Mac",
            finding.Summary);
        var earlier = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-6), Now.AddHours(-4), CrownJewels));
        Assert.Equal(finding.Fingerprint, earlier.Fingerprint);
        Assert.Equal([fill], earlier.Evidence);
    }

    [Fact]
    public async Task Evaluate_UntaggedItemOrTagOnlySharingThePrefix_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1", "Wiki", "prod").Secret("s2", "v1", "Jewellery shop", "crown-jewellery");
        graph.Usage("alice", "s1", "v1", "reveal", Now.AddMinutes(-10));
        graph.Usage("alice", "s2", "v1", "reveal", Now.AddMinutes(-5));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now, CrownJewels));
    }

    [Fact]
    public async Task Evaluate_ItemListedByUuid_FlagsEvenWithoutInventory()
    {
        var graph = new RuleTestGraph(neo4j);
        var use = graph.Usage("alice", "hidden-item", "v9", "secure-copy", Now.AddMinutes(-10));
        graph.Usage("alice", "other-item", "v9", "secure-copy", Now.AddMinutes(-9));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now, new Dictionary<string, string> { ["sensitiveItems"] = "hidden-item" }));

        Assert.Equal(["alice", "hidden-item"], finding.Flagged);
        Assert.Equal([use], finding.Evidence);
    }
}
