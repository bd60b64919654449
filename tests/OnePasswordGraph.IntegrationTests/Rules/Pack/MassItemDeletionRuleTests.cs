using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class MassItemDeletionRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "mass-item-deletion";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_TenItemsDeletedWithinFiveMinutes_FlagsActorAndItems()
    {
        var graph = new RuleTestGraph(neo4j);
        var items = Enumerable.Range(1, 10).Select(i => $"item{i:D2}").ToList();
        var deletions = items.Select((item, i) => graph.Audit("alice", "delete", "item", item, Now.AddMinutes(-20).AddSeconds(i * 30))).ToList();
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(["alice", .. items], finding.Flagged);
        Assert.Equal(deletions, finding.Evidence);
        Assert.Equal(Now.AddMinutes(-20).AddSeconds(270), finding.OccurredOn);
        Assert.Equal("alice@example.com deleted 10 items (10 within 10 minutes)", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-30), Now.AddMinutes(30)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_FewItemsSlowDeletionsOrTwoActors_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);

        // Five items deleted then purged: ten events but five items.
        for (var i = 0; i < 5; i++)
        {
            graph.Audit("alice", "delete", "item", $"a{i}", Now.AddMinutes(-50).AddSeconds(i * 20));
            graph.Audit("alice", "purge", "item", $"a{i}", Now.AddMinutes(-49).AddSeconds(i * 20));
        }

        // Ten deletions three minutes apart: never more than four within ten minutes.
        for (var i = 0; i < 10; i++)
        {
            graph.Audit("bob", "delete", "item", $"b{i}", Now.AddMinutes(-40 + (i * 3)));
        }

        // Two actors, five deletions each, in the same minutes.
        for (var i = 0; i < 5; i++)
        {
            graph.Audit("carol", "delete", "item", $"c{i}", Now.AddMinutes(-10).AddSeconds(i * 10));
            graph.Audit("dave", "delete", "item", $"d{i}", Now.AddMinutes(-10).AddSeconds(i * 10));
        }

        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_BurstAcrossTheClockHourAndTheWindowStart_FlagsItOnceWithEveryDeletion()
    {
        var graph = new RuleTestGraph(neo4j);

        // 10:56 to 11:05: four deletions before the window starts at 11:00, six after it, across the clock hour.
        var deletions = Enumerable.Range(0, 10).Select(i => graph.Audit("alice", "delete", "item", $"item{i}", Now.AddMinutes(-64 + i))).ToList();
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(deletions, finding.Evidence);
        Assert.Equal(Now.AddMinutes(-55), finding.OccurredOn);
    }

    [Fact]
    public async Task Evaluate_LowerThresholdOverride_FlagsFiveDeletions()
    {
        var graph = new RuleTestGraph(neo4j);
        var deletions = Enumerable.Range(0, 5).Select(i => graph.Audit("alice", "delete", "item", $"item{i}", Now.AddMinutes(-10).AddSeconds(i))).ToList();
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["minItems"] = "5", ["windowMinutes"] = "2" }));
        Assert.Equal(deletions, finding.Evidence);
        Assert.Equal("alice@example.com deleted 5 items (5 within 2 minutes)", finding.Summary);
    }

    [Fact]
    public async Task Evaluate_ItemsArchivedInTheInventory_FlagsEditorAndItems()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Engineering");
        var archived = Enumerable.Range(0, 10).Select(i => $"arch{i}").ToList();
        for (var i = 0; i < archived.Count; i++)
        {
            graph.ItemInState(archived[i], "v1", "ARCHIVED", "alice", Now.AddMinutes(-15).AddSeconds(i * 20));
        }

        // Archived by someone else, and archived by alice long ago: neither counts towards her burst.
        graph.ItemInState("other", "v1", "ARCHIVED", "bob", Now.AddMinutes(-14));
        graph.ItemInState("old", "v1", "ARCHIVED", "alice", Now.AddDays(-30));
        graph.Usage("alice", "arch0", "v1", "fill", Now.AddDays(-31));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(["alice", .. archived], finding.Flagged);
        Assert.Empty(finding.Evidence);
        Assert.Equal(Now.AddMinutes(-15).AddSeconds(180), finding.OccurredOn);
        Assert.Equal("alice@example.com archived 10 items (10 within 10 minutes, seen in the Connect inventory)", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-30), Now.AddMinutes(30)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_ArchivedItemsSpreadOverHours_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        for (var i = 0; i < 10; i++)
        {
            graph.ItemInState($"arch{i}", "v1", "ARCHIVED", "alice", Now.AddMinutes(-55 + (i * 6)));
        }

        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }
}
