using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.IntegrationTests.Rules;

[Collection(Neo4jCollection.Name)]
// Not sealed: AlertRunnerTestsThroughQueryApi runs the same tests through the Query API.
public class AlertRunnerTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly FakeLoggerProvider _logs = new();
    private readonly TestMeterFactory _meters = new();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync()
    {
        _meters.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RunAsync_RerunOverTheSameGraph_FindsAgainButCreatesNothing()
    {
        var export = await ExportAsync(Now.AddMinutes(-10));
        var runner = CreateRunner();

        var first = await runner.RunAsync("acme", PackWith(), AlertRunOptions.Default, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = await runner.RunAsync("acme", PackWith(), AlertRunOptions.Default, CancellationToken.None);

        Assert.Equal([export], first.NewFindings.Select(f => f.DedupKey));
        Assert.Equal((1, 1), (first.Rules.Single().Rows, first.Rules.Single().NewFindings));
        Assert.Empty(second.NewFindings);
        Assert.Equal((1, 0), (second.Rules.Single().Rows, second.Rules.Single().NewFindings));
        Assert.Equal(1, await neo4j.CountAsync("MATCH (a:one_password_alert) RETURN count(a) AS c"));
        Assert.Equal(Now.AddMinutes(5).ToUnixTimeMilliseconds(), await neo4j.CountAsync("MATCH (a:one_password_alert) RETURN a.lastSeenOn AS c"));
    }

    [Fact]
    public async Task RunAsync_OneRuleFails_ReportsItAndRunsTheOthers()
    {
        await ExportAsync(Now.AddMinutes(-10));
        var rules = PackWith(TestRules.Broken("aaa-broken"));

        var summary = await CreateRunner().RunAsync("acme", rules, AlertRunOptions.Default, CancellationToken.None);

        Assert.False(summary.Succeeded);
        var failed = Assert.Single(summary.FailedRules);
        Assert.Equal("aaa-broken", failed.RuleId);
        Assert.Contains("Neo.ClientError.Statement", failed.Error, StringComparison.Ordinal);
        Assert.Equal(1, summary.Rules.Single(r => r.RuleId == "test-export").NewFindings);
        Assert.Single(summary.NewFindings);
        Assert.Contains(LogLines(), l => l.StartsWith("Warning OnePasswordGraph.Rules.AlertRunner[8003] Alert rule aaa-broken failed in account acme", StringComparison.Ordinal));
        Assert.Equal(0, await neo4j.CountAsync("MATCH (s:one_password_sync_state {_key: 'acme:rule:aaa-broken'}) RETURN count(s) AS c"));
    }

    [Fact]
    public async Task RunAsync_FirstThenWatermarked_WholeGraphThenFromTheWatermarkMinusTheLookback()
    {
        var runner = CreateRunner();
        var rules = PackWith();

        var first = await runner.RunAsync("acme", rules, AlertRunOptions.Default, CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(3));
        var second = await runner.RunAsync("acme", rules, AlertRunOptions.Default, CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var third = await runner.RunAsync("acme", rules, AlertRunOptions.Default, CancellationToken.None);

        // No watermark: the whole graph (a backfill's history is analysed once). Then the previous run's time - lookback,
        // so nothing between runs is skipped.
        Assert.Equal(DateTimeOffset.UnixEpoch, first.Rules.Single().Since);
        Assert.Equal(Now.AddHours(-1), second.Rules.Single().Since);
        Assert.Equal(Now.AddHours(2), third.Rules.Single().Since);
        Assert.Equal(Now.AddHours(4).ToUnixTimeMilliseconds(), await neo4j.CountAsync("MATCH (s:one_password_sync_state {_key: 'acme:rule:test-export'}) RETURN s.lastEvaluatedOn AS c"));
    }

    [Fact]
    public async Task RunAsync_ExplicitSince_OverridesTheWatermarkAndAdvancesItOnlyWhenItCoversTheGap()
    {
        var runner = CreateRunner();
        var rules = PackWith();
        await runner.RunAsync("acme", rules, AlertRunOptions.Default, CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(5));

        var narrow = await runner.RunAsync("acme", rules, new AlertRunOptions(Since: Now.AddHours(4)), CancellationToken.None);
        var narrowWatermark = await WatermarkAsync();
        var wide = await runner.RunAsync("acme", rules, new AlertRunOptions(Since: Now.AddDays(-1)), CancellationToken.None);

        Assert.Equal(Now.AddHours(4), narrow.Rules.Single().Since);
        Assert.Equal(Now.ToUnixTimeMilliseconds(), narrowWatermark);
        Assert.Equal(Now.AddDays(-1), wide.Rules.Single().Since);
        Assert.Equal(Now.AddHours(5).ToUnixTimeMilliseconds(), await WatermarkAsync());
    }

    [Fact]
    public async Task RunAsync_SingleRuleId_RunsOnlyThatRuleEvenWhenDisabled()
    {
        await ExportAsync(Now.AddMinutes(-10));
        var disabled = TestRules.Custom("zzz-other", TestRules.Broken().Query) with { Enabled = false };
        var rules = new RuleSet([TestRules.Export() with { Enabled = false }, disabled], []);

        var summary = await CreateRunner().RunAsync("acme", rules, new AlertRunOptions(RuleId: "test-export"), CancellationToken.None);

        Assert.Equal(["test-export"], summary.Rules.Select(r => r.RuleId));
        Assert.Single(summary.NewFindings);
    }

    [Fact]
    public async Task RunAsync_NewFindings_LogByUrgencyAndCountBySeverity()
    {
        await ExportAsync(Now.AddMinutes(-10));
        var high = TestRules.Export("high-export", AlertSeverity.High);
        var measurements = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = Listen(measurements);

        await CreateRunner().RunAsync("acme", PackWith(high), AlertRunOptions.Default, CancellationToken.None);

        Assert.Contains(LogLines(), l => l.StartsWith("Warning OnePasswordGraph.Rules.AlertRunner[8001] New high finding of rule high-export in account acme: alice@example.com exported s1", StringComparison.Ordinal));
        Assert.Contains(LogLines(), l => l.StartsWith("Information OnePasswordGraph.Rules.AlertRunner[8002] New medium finding of rule test-export", StringComparison.Ordinal));
        Assert.Equal(
            [("high-export", "high"), ("test-export", "medium")],
            measurements.Select(m => ((string)m.Tags["rule"]!, (string)m.Tags["severity"]!)).Order());
        Assert.All(measurements, m => Assert.Equal(1, m.Value));
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateRunner().RunAsync("acme", PackWith(), AlertRunOptions.Default, cancelled.Token));
    }

    private AlertRunner CreateRunner()
    {
        var loggers = LoggerFactory.Create(builder => builder.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        return new AlertRunner(neo4j.Runner, new AlertMetrics(_meters), _clock, loggers.CreateLogger<AlertRunner>());
    }

    private static RuleSet PackWith(params AlertRule[] extra) => new([TestRules.Export(), .. extra], []);

    private async Task<string> ExportAsync(DateTimeOffset at)
    {
        var graph = new RuleTestGraph(neo4j);
        var export = graph.Usage("alice", "s1", "v1", "export", at);
        await graph.WriteAsync();
        return export;
    }

    private Task<long> WatermarkAsync() =>
        neo4j.CountAsync("MATCH (s:one_password_sync_state {_key: 'acme:rule:test-export'}) RETURN s.lastEvaluatedOn AS c");

    private MeterListener Listen(List<(long Value, Dictionary<string, object?> Tags)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == _meters && instrument.Name == AlertMetrics.NewFindingsInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal)));
            }
        });
        listener.Start();
        return listener;
    }

    private IEnumerable<string> LogLines() =>
        _logs.Collector.GetSnapshot().Select(r => $"{r.Level} {r.Category}[{r.Id.Id}] {r.Message}");
}
