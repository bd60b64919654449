using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class StreamSilenceRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "stream-silence";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_StreamSilentForThirtyHoursWhileSyncsSucceed_FlagsTheAccount()
    {
        var graph = new RuleTestGraph(neo4j);
        var newest = graph.Usage("alice", "s1", "v1", "fill", Now.AddHours(-30));
        graph.Usage("alice", "s1", "v1", "fill", Now.AddHours(-31));
        Streams(graph, itemUsages: Now.AddHours(-30), signIns: Now.AddMinutes(-10), audits: Now.AddHours(-3));
        Run(graph, "succeeded", Now.AddMinutes(-5));
        await graph.WriteAsync();

        var findings = await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now);

        var finding = Assert.Single(findings);
        Assert.Equal(["acme"], finding.Flagged);
        Assert.Equal([newest], finding.Evidence);
        Assert.Equal($"acme|itemusages|{Now.AddHours(-30).ToUnixTimeMilliseconds()}", finding.DedupKey);
        Assert.Equal(Now.AddHours(-6), finding.OccurredOn);
        Assert.Equal("Account acme: no new itemusages event for 30 hours (more than 24) although its last sync succeeded 5 minutes ago", finding.Summary);

        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now, Now.AddHours(1)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_SilentStreamWhileTheLastSyncFailed_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        Streams(graph, itemUsages: Now.AddHours(-30), signIns: Now.AddHours(-30), audits: Now.AddHours(-30));
        Run(graph, "failed", Now.AddMinutes(-5));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_LastSuccessfulSyncBeforeTheSilenceGrewLong_FindsNothing()
    {
        // The sync stopped ten hours ago (sync-stale's case): it never saw the stream silent for 24 hours.
        var graph = new RuleTestGraph(neo4j);
        Streams(graph, itemUsages: Now.AddHours(-30), signIns: Now.AddHours(-11), audits: Now.AddHours(-11));
        Run(graph, "succeeded", Now.AddHours(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_SilenceShorterThanTheThresholdOrUnwatchedStream_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        Streams(graph, itemUsages: Now.AddHours(-30), signIns: Now.AddHours(-20), audits: Now.AddHours(-2));
        Run(graph, "succeeded", Now.AddMinutes(-5));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.StartsWith("acme|itemusages|", finding.DedupKey, StringComparison.Ordinal);
        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["maxSilenceHours"] = "36" }));
        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["streams"] = "signinattempts, auditevents" }));
    }

    [Fact]
    public async Task Evaluate_SilentStreamOfAnotherAccount_FindsNothing()
    {
        var other = new RuleTestGraph(neo4j, account: "other");
        Streams(other, itemUsages: Now.AddHours(-30), signIns: Now.AddHours(-30), audits: Now.AddHours(-30));
        Run(other, "succeeded", Now.AddMinutes(-5));
        await other.WriteAsync();
        var graph = new RuleTestGraph(neo4j);
        Streams(graph, itemUsages: Now.AddHours(-1), signIns: Now.AddHours(-1), audits: Now.AddHours(-1));
        Run(graph, "succeeded", Now.AddMinutes(-5));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.Equal(3, (await new RuleTestGraph(neo4j, account: "other").EvaluateAsync(RuleId, Now.AddHours(-1), Now)).Count);
    }

    /// <summary>Writes the three Events streams' checkpoints as the sync does, with their newest event times.</summary>
    private static void Streams(RuleTestGraph graph, DateTimeOffset itemUsages, DateTimeOffset signIns, DateTimeOffset audits)
    {
        Stream(graph, "itemusages", itemUsages);
        Stream(graph, "signinattempts", signIns);
        Stream(graph, "auditevents", audits);
    }

    private static void Stream(RuleTestGraph graph, string stream, DateTimeOffset newest) =>
        graph.SyncState(stream, new()
        {
            ["cursor"] = "cursor-" + stream,
            ["apiVersion"] = "v2",
            ["updatedOn"] = newest.AddMinutes(1).ToUnixTimeMilliseconds(),
            ["lastEventTimestamp"] = newest.ToUnixTimeMilliseconds(),
            ["eventsWritten"] = 10L,
        });

    /// <summary>Writes the run node as the sync does at the end of a run.</summary>
    private static void Run(RuleTestGraph graph, string outcome, DateTimeOffset finishedOn) =>
        graph.SyncState("run", new()
        {
            ["lastRunId"] = "run-1",
            ["lastRunOutcome"] = outcome,
            ["lastRunStartedOn"] = finishedOn.AddMinutes(-1).ToUnixTimeMilliseconds(),
            ["lastRunFinishedOn"] = finishedOn.ToUnixTimeMilliseconds(),
            ["updatedOn"] = finishedOn.ToUnixTimeMilliseconds(),
        });
}
