using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Testing;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Rules;

public sealed class AlertRunnerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TestMeterFactory _meters = new();

    public void Dispose() => _meters.Dispose();

    [Fact]
    public async Task RunAsync_StoreFailsAfterAFirstBatch_ReportsThatBatchAsNewAndTheRuleAsFailed()
    {
        var rows = Enumerable.Range(0, FindingStore.BatchSize + 1)
            .Select(i => (IReadOnlyList<object?>)[new List<object?> { "u1" }, new List<object?>(), $"s{i}", 1L, $"k{i}"]).ToList();
        var firstBatch = rows.Take(FindingStore.BatchSize).Select(r => (object?)Fingerprint((string)r[4]!)).ToList();
        var runner = new ScriptedCypherRunner(
            new CypherResult(["key", "lastEvaluatedOn"], []),
            NoEvents,
            new CypherResult(["flagged", "evidence", "summary", "occurredOn", "dedupKey"], rows),
            new CypherResult(["created"], [[firstBatch]]),
            new Neo4jException(Neo4jErrorKind.Transient, "Neo4j went away."));

        var summary = await new AlertRunner(runner, new AlertMetrics(_meters), new FakeTimeProvider(Now), NullLogger<AlertRunner>.Instance)
            .RunAsync("acme", RuleCatalog.LoadBuiltIn(), new AlertRunOptions(RuleId: "item-export"), CancellationToken.None);

        var result = Assert.Single(summary.Rules);
        Assert.Equal(("Neo4j went away.", FindingStore.BatchSize + 1, FindingStore.BatchSize), (result.Error, result.Rows, result.NewFindings));
        Assert.Equal(FindingStore.BatchSize, summary.NewFindings.Count);
        // Watermark read, events counted, evaluation, two store batches; no watermark write, so the window is evaluated
        // again next time.
        Assert.Equal(5, runner.Statements.Count);
    }

    [Fact]
    public async Task RunAsync_FirstEvaluationWithAFirstLookback_StartsThatFarBack_AndLaterOnesFromTheWatermark()
    {
        var evaluated = Now.AddHours(-2).ToUnixTimeMilliseconds();
        var runner = new ScriptedCypherRunner(
            new CypherResult(["key", "lastEvaluatedOn"], []),
            NoEvents,
            new CypherResult(["flagged", "evidence", "summary", "occurredOn", "dedupKey"], []),
            new CypherResult(["written"], [[1L]]),
            new CypherResult(["key", "lastEvaluatedOn"], [["acme:rule:item-export", evaluated]]),
            new CypherResult(["flagged", "evidence", "summary", "occurredOn", "dedupKey"], []),
            new CypherResult(["written"], [[1L]]));
        var alerts = new AlertRunner(runner, new AlertMetrics(_meters), new FakeTimeProvider(Now), NullLogger<AlertRunner>.Instance);
        var options = new AlertRunOptions(RuleId: "item-export", FirstEvaluationLookback: TimeSpan.FromDays(30));

        var first = Assert.Single((await alerts.RunAsync("acme", RuleCatalog.LoadBuiltIn(), options, CancellationToken.None)).Rules);
        var next = Assert.Single((await alerts.RunAsync("acme", RuleCatalog.LoadBuiltIn(), options, CancellationToken.None)).Rules);

        var lookback = RuleCatalog.LoadBuiltIn().Find("item-export")!.Lookback;
        Assert.Equal((Now.AddDays(-30), (string?)null), (first.Since, first.Error));
        Assert.Equal(Now.AddDays(-30).ToUnixTimeMilliseconds(), runner.Statements[2].Parameters!["since"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(evaluated) - lookback, next.Since);
        // A scheduled window is not counted: read, evaluate, write.
        Assert.Equal(7, runner.Statements.Count);
    }

    [Fact]
    public async Task RunAsync_FirstEvaluationOverTheWholeHistoryFails_SaysHowToBoundIt()
    {
        var runner = new ScriptedCypherRunner(
            new CypherResult(["key", "lastEvaluatedOn"], []),
            NoEvents,
            new Neo4jException(Neo4jErrorKind.Transient, "Neo4j did not answer in time."));
        var alerts = new AlertRunner(runner, new AlertMetrics(_meters), new FakeTimeProvider(Now), NullLogger<AlertRunner>.Instance);

        var result = Assert.Single((await alerts.RunAsync("acme", RuleCatalog.LoadBuiltIn(), new AlertRunOptions(RuleId: "item-export"), CancellationToken.None)).Rules);

        Assert.Equal(DateTimeOffset.UnixEpoch, result.Since);
        Assert.StartsWith("Neo4j did not answer in time. (the rule's first evaluation", result.Error, StringComparison.Ordinal);
        Assert.Contains("Alerts__FirstEvaluationLookback", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FirstEvaluationOverMoreEventsThanTheMost_EvaluatesSlicesAndMovesTheWatermarkAfterEach()
    {
        var cutHour = Now.AddDays(-10).ToUnixTimeMilliseconds() / 3_600_000;
        var cut = DateTimeOffset.FromUnixTimeMilliseconds(cutHour * 3_600_000);
        var runner = new ScriptedCypherRunner(
            new CypherResult(["key", "lastEvaluatedOn"], []),
            EventsPerHour((cutHour - 48, 3), (cutHour, 3)),
            new CypherResult(["flagged", "evidence", "summary", "occurredOn", "dedupKey"], []),
            new CypherResult(["lastEvaluatedOn"], [[cut.ToUnixTimeMilliseconds()]]),
            new CypherResult(["flagged", "evidence", "summary", "occurredOn", "dedupKey"], []),
            new CypherResult(["lastEvaluatedOn"], [[Now.ToUnixTimeMilliseconds()]]));
        var alerts = new AlertRunner(runner, new AlertMetrics(_meters), new FakeTimeProvider(Now), NullLogger<AlertRunner>.Instance);

        var result = Assert.Single((await alerts.RunAsync("acme", RuleCatalog.LoadBuiltIn(), new AlertRunOptions(RuleId: "item-export", MaxEventsPerEvaluation: 4), CancellationToken.None)).Rules);

        var lookback = RuleCatalog.LoadBuiltIn().Find("item-export")!.Lookback;
        Assert.Equal((DateTimeOffset.UnixEpoch, (string?)null), (result.Since, result.Error));
        Assert.Equal(6, runner.Statements.Count);
        Assert.Equal((0L, cut.ToUnixTimeMilliseconds()), Window(runner.Statements[2]));
        Assert.Equal(cut.ToUnixTimeMilliseconds(), Watermark(runner.Statements[3]));
        // The next slice reaches back by the lookback, as a scheduled run after one at the cut would.
        Assert.Equal(((cut - lookback).ToUnixTimeMilliseconds(), Now.ToUnixTimeMilliseconds()), Window(runner.Statements[4]));
        Assert.Equal(Now.ToUnixTimeMilliseconds(), Watermark(runner.Statements[5]));
    }

    [Fact]
    public async Task RunAsync_ASliceFails_KeepsTheSlicesBeforeItAndSaysHowToMakeThemSmaller()
    {
        var cutHour = Now.AddDays(-10).ToUnixTimeMilliseconds() / 3_600_000;
        var runner = new ScriptedCypherRunner(
            new CypherResult(["key", "lastEvaluatedOn"], []),
            EventsPerHour((cutHour - 48, 3), (cutHour, 3)),
            new CypherResult(["flagged", "evidence", "summary", "occurredOn", "dedupKey"], []),
            new CypherResult(["lastEvaluatedOn"], [[cutHour * 3_600_000]]),
            new Neo4jException(Neo4jErrorKind.Transient, "Neo4j did not answer in time."));
        var alerts = new AlertRunner(runner, new AlertMetrics(_meters), new FakeTimeProvider(Now), NullLogger<AlertRunner>.Instance);

        var result = Assert.Single((await alerts.RunAsync("acme", RuleCatalog.LoadBuiltIn(), new AlertRunOptions(RuleId: "item-export", MaxEventsPerEvaluation: 4), CancellationToken.None)).Rules);

        Assert.StartsWith("Neo4j did not answer in time. (the rule's first evaluation for the account, slice 2 of 2, ", result.Error, StringComparison.Ordinal);
        Assert.Contains("set Alerts__MaxEventsPerEvaluation below 4", result.Error, StringComparison.Ordinal);
        // The watermark stays at the end of the first slice: the next run goes on from there.
        Assert.Single(runner.Statements, s => s.Parameters.ContainsKey("props"));
        Assert.Equal(cutHour * 3_600_000, Watermark(runner.Statements[3]));
    }

    [Fact]
    public async Task RunAsync_AnEarlySinceInSlices_NeverMovesTheWatermarkBack()
    {
        var cutHour = Now.AddDays(-5).ToUnixTimeMilliseconds() / 3_600_000;
        var runner = new ScriptedCypherRunner(
            new CypherResult(["key", "lastEvaluatedOn"], [["acme:rule:item-export", Now.AddHours(-2).ToUnixTimeMilliseconds()]]),
            EventsPerHour((cutHour - 48, 3), (cutHour, 3)),
            new CypherResult(["flagged", "evidence", "summary", "occurredOn", "dedupKey"], []),
            new CypherResult(["flagged", "evidence", "summary", "occurredOn", "dedupKey"], []),
            new CypherResult(["lastEvaluatedOn"], [[Now.ToUnixTimeMilliseconds()]]));
        var alerts = new AlertRunner(runner, new AlertMetrics(_meters), new FakeTimeProvider(Now), NullLogger<AlertRunner>.Instance);
        var options = new AlertRunOptions(Since: Now.AddDays(-10), RuleId: "item-export", MaxEventsPerEvaluation: 4);

        var result = Assert.Single((await alerts.RunAsync("acme", RuleCatalog.LoadBuiltIn(), options, CancellationToken.None)).Rules);

        Assert.Null(result.Error);
        var write = Assert.Single(runner.Statements, s => s.Parameters.ContainsKey("props"));
        Assert.Equal(Now.ToUnixTimeMilliseconds(), Watermark(write));
    }

    [Fact]
    public async Task RunAsync_UnknownRuleId_Throws()
    {
        var runner = new AlertRunner(new ScriptedCypherRunner(), new AlertMetrics(_meters), new FakeTimeProvider(Now), NullLogger<AlertRunner>.Instance);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync("acme", RuleCatalog.LoadBuiltIn(), new AlertRunOptions(RuleId: "nope"), CancellationToken.None));

        Assert.StartsWith("No rule has the id 'nope'.", error.Message, StringComparison.Ordinal);
    }

    private static CypherResult NoEvents => EventsPerHour();

    private static CypherResult EventsPerHour(params (long Hour, long Events)[] hours) =>
        new(["hour", "events"], [.. hours.Select(h => (IReadOnlyList<object?>)[h.Hour, h.Events])]);

    private static (object? Since, object? Now) Window(CypherStatement evaluation) => (evaluation.Parameters!["since"], evaluation.Parameters["now"]);

    private static object? Watermark(CypherStatement write) => ((IReadOnlyDictionary<string, object?>)write.Parameters!["props"]!)["lastEvaluatedOn"];

    private static string Fingerprint(string dedupKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"item-export\nacme\n{dedupKey}")));
}
