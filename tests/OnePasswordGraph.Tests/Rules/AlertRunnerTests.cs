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
            new CypherResult(["flagged", "evidence", "summary", "occurredOn", "dedupKey"], rows),
            new CypherResult(["created"], [[firstBatch]]),
            new Neo4jException(Neo4jErrorKind.Transient, "Neo4j went away."));

        var summary = await new AlertRunner(runner, new AlertMetrics(_meters), new FakeTimeProvider(Now), NullLogger<AlertRunner>.Instance)
            .RunAsync("acme", RuleCatalog.LoadBuiltIn(), new AlertRunOptions(RuleId: "item-export"), CancellationToken.None);

        var result = Assert.Single(summary.Rules);
        Assert.Equal(("Neo4j went away.", FindingStore.BatchSize + 1, FindingStore.BatchSize), (result.Error, result.Rows, result.NewFindings));
        Assert.Equal(FindingStore.BatchSize, summary.NewFindings.Count);
        // Watermark read, evaluation, two store batches; no watermark write, so the window is evaluated again next time.
        Assert.Equal(4, runner.Statements.Count);
    }

    [Fact]
    public async Task RunAsync_FirstEvaluationWithAFirstLookback_StartsThatFarBack_AndLaterOnesFromTheWatermark()
    {
        var evaluated = Now.AddHours(-2).ToUnixTimeMilliseconds();
        var runner = new ScriptedCypherRunner(
            new CypherResult(["key", "lastEvaluatedOn"], []),
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
        Assert.Equal(Now.AddDays(-30).ToUnixTimeMilliseconds(), runner.Statements[1].Parameters!["since"]);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(evaluated) - lookback, next.Since);
    }

    [Fact]
    public async Task RunAsync_FirstEvaluationOverTheWholeHistoryFails_SaysHowToBoundIt()
    {
        var runner = new ScriptedCypherRunner(
            new CypherResult(["key", "lastEvaluatedOn"], []),
            new Neo4jException(Neo4jErrorKind.Transient, "Neo4j did not answer in time."));
        var alerts = new AlertRunner(runner, new AlertMetrics(_meters), new FakeTimeProvider(Now), NullLogger<AlertRunner>.Instance);

        var result = Assert.Single((await alerts.RunAsync("acme", RuleCatalog.LoadBuiltIn(), new AlertRunOptions(RuleId: "item-export"), CancellationToken.None)).Rules);

        Assert.Equal(DateTimeOffset.UnixEpoch, result.Since);
        Assert.StartsWith("Neo4j did not answer in time. (the rule's first evaluation", result.Error, StringComparison.Ordinal);
        Assert.Contains("Alerts__FirstEvaluationLookback", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownRuleId_Throws()
    {
        var runner = new AlertRunner(new ScriptedCypherRunner(), new AlertMetrics(_meters), new FakeTimeProvider(Now), NullLogger<AlertRunner>.Instance);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync("acme", RuleCatalog.LoadBuiltIn(), new AlertRunOptions(RuleId: "nope"), CancellationToken.None));

        Assert.StartsWith("No rule has the id 'nope'.", error.Message, StringComparison.Ordinal);
    }

    private static string Fingerprint(string dedupKey) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"item-export\nacme\n{dedupKey}")));
}
