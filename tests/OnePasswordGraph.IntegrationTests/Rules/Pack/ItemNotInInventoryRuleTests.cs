using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class ItemNotInInventoryRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "item-not-in-inventory";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_UseOfAnItemConnectCannotSee_FlagsUserItemAndVault()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Engineering").Secret("s1", "v1", "Prod DB");
        graph.Usage("frank", "s1", "v1", "fill", Now.AddMinutes(-20));
        var first = graph.Usage("frank", "ghost", "vx", "fill", Now.AddMinutes(-15));
        var second = graph.Usage("frank", "ghost", "vx", "reveal", Now.AddMinutes(-10));
        await graph.WriteAsync();

        var findings = await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now);

        var finding = Assert.Single(findings);
        Assert.Equal(["frank", "ghost", "vx"], finding.Flagged);
        Assert.Equal([first, second], finding.Evidence);
        Assert.Equal("frank|ghost", finding.DedupKey);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("frank@example.com used item ghost 2 time(s) (fill, reveal); the item is in vault vx, which Connect cannot see", finding.Summary);

        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-12), Now.AddMinutes(30)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_UnlistedItemInAVaultConnectSees_FlagsAndNamesTheVault()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Engineering").Secret("s1", "v1");
        var use = graph.Usage("frank", "hidden", "v1", "secure-copy", Now.AddMinutes(-15));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.Equal(["frank", "hidden", "v1"], finding.Flagged);
        Assert.Equal([use], finding.Evidence);
        Assert.EndsWith("the item is not in the Connect inventory of vault Engineering", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_AccountWithoutConnectInventory_FindsNothing()
    {
        // Another account has inventory; this one only knows items from events.
        var other = new RuleTestGraph(neo4j, account: "other");
        other.Vault("v9").Secret("s9", "v9");
        await other.WriteAsync();
        var graph = new RuleTestGraph(neo4j);
        graph.Usage("frank", "ghost", "vx", "fill", Now.AddMinutes(-15));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_UseOfAnItemInTheInventory_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1").Secret("s2", "v1");
        graph.Usage("frank", "s1", "v1", "fill", Now.AddMinutes(-15));
        graph.Usage("grace", "s2", "v1", "reveal", Now.AddMinutes(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_ItemRemovedFromInventory_FlagsOnlyUsesAfterTheRemoval()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Engineering").Secret("s1", "v1").Secret("s2", "v1", "Old key");
        graph.Usage("frank", "s2", "v1", "fill", Now.AddHours(-3));
        await graph.WriteAsync();
        await graph.RemoveFromInventoryAsync("s2", Now.AddHours(-2));

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-4), Now));

        var late = graph.Usage("frank", "s2", "v1", "fill", Now.AddMinutes(-10));
        await graph.WriteAsync();
        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-4), Now));
        Assert.Equal(["frank", "s2", "v1"], finding.Flagged);
        Assert.Equal([late], finding.Evidence);
        Assert.Equal("frank@example.com used item Old key 1 time(s) (fill); the item was removed from the Connect inventory", finding.Summary);
    }

    [Fact]
    public async Task Evaluate_UseInAnIgnoredVault_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1");
        graph.Usage("frank", "ghost", "vx", "fill", Now.AddMinutes(-15));
        await graph.WriteAsync();

        Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["ignoredVaults"] = "vy, vx" }));
    }
}
