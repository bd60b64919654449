using System.Globalization;
using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

/// <summary>
/// The cases the three burst rules share (export-burst, reveal-burst, copy-burst): one query shape with the action as
/// the difference, a floor, the user's busiest earlier window times a factor, and the fixed and half-shifted windows.
/// </summary>
/// <param name="neo4j">The shared Neo4j.</param>
/// <param name="ruleId">The rule under test.</param>
/// <param name="action">The item usage action it counts.</param>
/// <param name="floor">The default of its minBurst parameter.</param>
public abstract class UsageBurstRuleTests(Neo4jServerFixture neo4j, string ruleId, string action, int floor) : IAsyncLifetime
{
    private const double Factor = 3.0;

    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_BurstAtFloorWithoutHistory_FlagsUserItemsAndEveryEvent()
    {
        var graph = new RuleTestGraph(neo4j);
        var burst = graph.Usages("alice", action, Now.AddMinutes(-25), floor, HalfMinute, ip: "203.0.113.9");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(ruleId, Now.AddHours(-1), Now));

        Assert.Equal(["alice", .. Enumerable.Range(0, floor).Select(i => $"item-{i}")], finding.Flagged);
        Assert.Equal(burst, finding.Evidence);
        Assert.Equal("alice|" + Ms(Now.AddHours(-1)), finding.DedupKey);
        Assert.Equal(Now.AddMinutes(-25) + (HalfMinute * (floor - 1)), finding.OccurredOn);
        Assert.StartsWith($"alice@example.com {Verb()} {floor} items ({floor} distinct) within 60 minutes from 203.0.113.9; threshold {floor} (floor only", finding.Summary, StringComparison.Ordinal);

        // A later evaluation whose window holds only the end of the burst still counts the whole window: same finding.
        var again = Assert.Single(await graph.EvaluateAsync(ruleId, Now.AddMinutes(-22), Now.AddMinutes(30)));
        Assert.Equal(finding.Fingerprint, again.Fingerprint);
        Assert.Equal(burst, again.Evidence);
    }

    [Fact]
    public async Task Evaluate_OneBelowFloorWithoutHistory_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Usages("alice", action, Now.AddMinutes(-25), floor - 1, HalfMinute);
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(ruleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_BurstAcrossWindowEdge_FlagsOnceOnTheShiftedWindow()
    {
        // Half the burst before 12:00, half after: neither fixed window reaches the floor, the one from 11:30 does.
        var graph = new RuleTestGraph(neo4j);
        var burst = graph.Usages("alice", action, Now - (HalfMinute * (floor / 2)), floor, HalfMinute);
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(ruleId, Now.AddHours(-1), Now.AddHours(1)));

        Assert.Equal(burst, finding.Evidence);
        Assert.Equal("alice|" + Ms(Now.AddMinutes(-30)), finding.DedupKey);
    }

    [Fact]
    public async Task Evaluate_BurstWithinFactorOfUsersBusiestWindow_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        EstablishedHistory(graph, peak: floor - 1);
        graph.Usages("alice", action, Now.AddMinutes(-25), floor + 5, HalfMinute, itemPrefix: "new");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(ruleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_BurstReachingFactorTimesUsersBusiestWindow_Flags()
    {
        var graph = new RuleTestGraph(neo4j);
        EstablishedHistory(graph, peak: floor - 1);
        var threshold = (int)(Factor * (floor - 1));
        var burst = graph.Usages("alice", action, Now.AddMinutes(-25), threshold, TimeSpan.FromSeconds(10), itemPrefix: "new");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(ruleId, Now.AddHours(-1), Now));

        Assert.Equal(burst, finding.Evidence);
        Assert.Contains($"threshold {threshold} (busiest earlier window: {floor - 1} ", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_EarlierPeakButTooLittleHistory_HoldsTheUserToTheFloor()
    {
        // The earlier window is as busy as above, but the user has fewer item usages than minHistoryEvents (20).
        var graph = new RuleTestGraph(neo4j);
        graph.Usages("alice", action, Now.AddDays(-3), floor - 1, HalfMinute, itemPrefix: "old");
        var burst = graph.Usages("alice", action, Now.AddMinutes(-25), floor, HalfMinute);
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(ruleId, Now.AddHours(-1), Now));

        Assert.Equal(burst, finding.Evidence);
        Assert.Contains($"(floor only: {floor - 1} item usages in the baseline)", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_OtherActionsOtherAccountOrOlderEvents_FindsNothing()
    {
        var other = new RuleTestGraph(neo4j, account: "other");
        other.Usages("bob", action, Now.AddMinutes(-25), floor, HalfMinute);
        await other.WriteAsync();
        var graph = new RuleTestGraph(neo4j);
        graph.Usages("alice", "fill", Now.AddMinutes(-25), floor * 2, HalfMinute);
        graph.Usages("carol", action, Now.AddHours(-3), floor, HalfMinute);
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(ruleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_FloorRaisedByOverride_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Usages("alice", action, Now.AddMinutes(-25), floor, HalfMinute);
        await graph.WriteAsync();

        var overrides = new Dictionary<string, string> { ["minBurst"] = (floor + 1).ToString(CultureInfo.InvariantCulture) };
        Assert.Empty(await graph.EvaluateAsync(ruleId, Now.AddHours(-1), Now, overrides));
    }

    [Fact]
    public async Task Evaluate_BurstsOnTwoDays_EachJudgedByTheDaysBeforeItsOwn()
    {
        // Three days ago a burst at the floor with no earlier peak: flagged. Today a bigger burst, but below three
        // times that one, which is now in its baseline: not flagged. One pass covers both.
        var graph = new RuleTestGraph(neo4j);
        graph.Usages("alice", "fill", Now.AddDays(-25), 20, TimeSpan.FromDays(1), itemPrefix: "daily");
        var earlier = graph.Usages("alice", action, Now.AddDays(-3).AddMinutes(-25), floor, HalfMinute, itemPrefix: "old");
        graph.Usages("alice", action, Now.AddMinutes(-25), floor + 5, HalfMinute, itemPrefix: "new");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(ruleId, Now.AddDays(-4), Now));

        Assert.Equal(earlier, finding.Evidence);
        Assert.Contains($"threshold {floor} (busiest earlier window: 0 ", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_BusiestEarlierWindowAcrossMidnight_CountsBothDays()
    {
        // Seven-minute windows do not divide a day, so one of them holds a midnight: its uses on either side are one
        // window of the baseline (three plus three), not two windows of three.
        var width = TimeSpan.FromMinutes(7);
        var midnight = Enumerable.Range(3, 10).Select(days => Now.Date.AddDays(-days)).Select(d => new DateTimeOffset(d, TimeSpan.Zero))
            .First(d => d.ToUnixTimeMilliseconds() % (long)width.TotalMilliseconds is >= 120_000 and <= 300_000);
        var slotStart = DateTimeOffset.FromUnixTimeMilliseconds(midnight.ToUnixTimeMilliseconds() / (long)width.TotalMilliseconds * (long)width.TotalMilliseconds);
        var graph = new RuleTestGraph(neo4j);
        graph.Usages("alice", "fill", Now.AddDays(-25), 20, TimeSpan.FromDays(1), itemPrefix: "daily");
        graph.Usages("alice", action, slotStart.AddSeconds(10), 3, TimeSpan.FromSeconds(10), itemPrefix: "evening");
        graph.Usages("alice", action, midnight.AddSeconds(10), 3, TimeSpan.FromSeconds(10), itemPrefix: "morning");
        var burst = graph.Usages("alice", action, Now.AddMinutes(-25), 6, TimeSpan.FromSeconds(10));
        await graph.WriteAsync();

        var overrides = new Dictionary<string, string> { ["windowMinutes"] = "7", ["factor"] = "1.0", ["minBurst"] = "2" };
        var finding = Assert.Single(await graph.EvaluateAsync(ruleId, Now.AddHours(-1), Now, overrides));

        Assert.Equal(burst, finding.Evidence);
        Assert.Contains("threshold 6 (busiest earlier window: 6 ", finding.Summary, StringComparison.Ordinal);
    }

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    // Twenty fills over the past three weeks, and one window three days ago with peak uses of the action.
    private void EstablishedHistory(RuleTestGraph graph, int peak)
    {
        graph.Usages("alice", "fill", Now.AddDays(-21), 20, TimeSpan.FromDays(1), itemPrefix: "daily");
        graph.Usages("alice", action, Now.AddDays(-3).AddMinutes(-20), peak, HalfMinute, itemPrefix: "old");
    }

    private string Verb() => action switch
    {
        "export" => "exported",
        "reveal" => "revealed",
        _ => "copied",
    };
}
