using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class SyncStaleRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "sync-stale";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_LastSuccessfulSyncEightHoursAgo_FlagsTheAccount()
    {
        var graph = new RuleTestGraph(neo4j);
        Streams(graph, Now.AddHours(-8).AddMinutes(-1));
        Run(graph, "succeeded", Now.AddHours(-8));
        await graph.WriteAsync();
        await graph.WriteAccountSeenAsync(Now.AddHours(-8).AddMinutes(-2));

        var findings = await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now);

        var finding = Assert.Single(findings);
        Assert.Equal(["acme"], finding.Flagged);
        Assert.Empty(finding.Evidence);
        Assert.Equal($"acme|{Now.AddHours(-8).ToUnixTimeMilliseconds()}", finding.DedupKey);
        Assert.Equal(Now.AddHours(-2), finding.OccurredOn);
        Assert.Equal("Account acme: last successful sync 8 hours ago (more than 6)", finding.Summary);

        // Still stale an hour later: the same finding.
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now, Now.AddHours(1)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_RecentSuccessfulSyncInAQuietAccount_FindsNothing()
    {
        // Nothing new on any stream for days, but the sync itself runs fine.
        var graph = new RuleTestGraph(neo4j);
        Streams(graph, Now.AddDays(-3));
        Run(graph, "succeeded", Now.AddMinutes(-5));
        await graph.WriteAsync();
        await graph.WriteAccountSeenAsync(Now.AddMinutes(-6));

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_LastRunFailedButDataStillArrives_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        Streams(graph, Now.AddMinutes(-7));
        Run(graph, "failed", Now.AddMinutes(-5));
        await graph.WriteAsync();
        await graph.WriteAccountSeenAsync(Now.AddHours(-9));

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_RunsFailingAndNothingNewForNineHours_FlagsTheAccount()
    {
        var graph = new RuleTestGraph(neo4j);
        Streams(graph, Now.AddHours(-9));
        Run(graph, "failed", Now.AddMinutes(-5));
        await graph.WriteAsync();
        await graph.WriteAccountSeenAsync(Now.AddHours(-10));

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.Equal(["acme"], finding.Flagged);
        Assert.Equal($"acme|{Now.AddHours(-9).ToUnixTimeMilliseconds()}", finding.DedupKey);
        Assert.Equal("Account acme: the last sync failed 5 minutes ago, no successful one is recorded, and nothing new has arrived for 9 hours (more than 6)", finding.Summary);
    }

    [Fact]
    public async Task Evaluate_RunsFailingSinceASuccessTenHoursAgo_NamesTheFailureAndTheSuccess()
    {
        var graph = new RuleTestGraph(neo4j);
        Streams(graph, Now.AddHours(-10).AddMinutes(-1));
        Run(graph, "failed", Now.AddMinutes(-5), lastSucceededOn: Now.AddHours(-10));
        await graph.WriteAsync();
        await graph.WriteAccountSeenAsync(Now.AddHours(-11));

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.Equal($"acme|{Now.AddHours(-10).ToUnixTimeMilliseconds()}", finding.DedupKey);
        Assert.Equal("Account acme: the last sync failed 5 minutes ago, the last successful one 10 hours ago, and nothing new has arrived for 10 hours (more than 6)", finding.Summary);
    }

    [Fact]
    public async Task Evaluate_RunNodeFromBeforeLastSucceededOnExisted_TakesASucceededLastRunAsTheLastSuccess()
    {
        var graph = new RuleTestGraph(neo4j);
        Run(graph, "succeeded", Now.AddHours(-8), lastSucceededOn: null);
        await graph.WriteAsync();
        await graph.WriteAccountSeenAsync(Now.AddHours(-9));

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.Equal($"acme|{Now.AddHours(-8).ToUnixTimeMilliseconds()}", finding.DedupKey);
        Assert.Equal("Account acme: last successful sync 8 hours ago (more than 6)", finding.Summary);
    }

    [Fact]
    public async Task Evaluate_StaleByLessThanAnOverriddenMaximum_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        Run(graph, "succeeded", Now.AddHours(-8));
        await graph.WriteAsync();
        await graph.WriteAccountSeenAsync(Now.AddHours(-8));

        Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["maxAgeHours"] = "12" }));
    }

    /// <summary>Writes the three Events streams' checkpoints with their last page written at <paramref name="updatedOn"/>.</summary>
    private static void Streams(RuleTestGraph graph, DateTimeOffset updatedOn)
    {
        foreach (var stream in new[] { "itemusages", "signinattempts", "auditevents" })
        {
            graph.SyncState(stream, new()
            {
                ["cursor"] = "cursor-" + stream,
                ["apiVersion"] = "v2",
                ["updatedOn"] = updatedOn.ToUnixTimeMilliseconds(),
                ["lastEventTimestamp"] = updatedOn.AddMinutes(-3).ToUnixTimeMilliseconds(),
            });
        }
    }

    /// <summary>Writes the run node as the sync does at the end of a run: a success is also the last success.</summary>
    private static void Run(RuleTestGraph graph, string outcome, DateTimeOffset finishedOn) =>
        Run(graph, outcome, finishedOn, outcome == "succeeded" ? finishedOn : null);

    /// <summary>Writes the run node with <paramref name="lastSucceededOn"/> as given (null: none recorded, as before the property existed).</summary>
    private static void Run(RuleTestGraph graph, string outcome, DateTimeOffset finishedOn, DateTimeOffset? lastSucceededOn)
    {
        var properties = new Dictionary<string, object?>
        {
            ["lastRunId"] = "run-1",
            ["lastRunOutcome"] = outcome,
            ["lastRunStartedOn"] = finishedOn.AddMinutes(-1).ToUnixTimeMilliseconds(),
            ["lastRunFinishedOn"] = finishedOn.ToUnixTimeMilliseconds(),
            ["updatedOn"] = finishedOn.ToUnixTimeMilliseconds(),
        };
        if (lastSucceededOn is { } succeeded)
        {
            properties["lastSucceededOn"] = succeeded.ToUnixTimeMilliseconds();
        }

        graph.SyncState("run", properties);
    }
}
