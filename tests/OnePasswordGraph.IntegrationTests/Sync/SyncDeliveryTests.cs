using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePasswordGraph.IntegrationTests.Delivery;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Sync;

namespace OnePasswordGraph.IntegrationTests.Sync;

/// <summary>A sync runs the rules, then delivers: what the worker and <c>sync</c> do after every run.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class SyncDeliveryTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_NewFindings_AreDeliveredAfterTheRulesAndNotOnTheNextRun()
    {
        await using var api = await EventsApiHarness.StartScenarioAsync(45, 30, 1500, Now);
        var account = ScenarioSync.Account(api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-30));
        var channel = new RecordingChannel("webhook");
        using var sync = ScenarioSync.CreateRunner(neo4j, alerts: true, channels: [channel]);

        var first = await sync.RunAsync(account, CancellationToken.None);
        var second = await sync.RunAsync(account, CancellationToken.None);

        Assert.True(first.Succeeded, RunSummaryText.Describe(first));
        Assert.NotEmpty(first.Alerts!.NewFindings);
        Assert.Equal(first.Alerts.NewFindings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal), channel.Delivered.Order(StringComparer.Ordinal));
        Assert.Equal(first.Alerts.NewFindings.Count, first.Delivery!.Channels.Single().Delivered);
        Assert.Equal(0, second.Delivery!.Channels.Single().Delivered);
        Assert.Contains($"delivery: webhook {first.Alerts.NewFindings.Count} delivered", RunSummaryText.Describe(first), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FirstEvaluationLookbackSet_EveryRulesFirstWindowStartsThatFarBack()
    {
        await using var api = await EventsApiHarness.StartScenarioAsync(45, 30, 1500, Now);
        var account = ScenarioSync.Account(api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-30));
        using var sync = ScenarioSync.CreateRunner(neo4j, alerts: true, firstEvaluationLookback: TimeSpan.FromDays(2));

        var summary = await sync.RunAsync(account, CancellationToken.None);

        Assert.True(summary.Succeeded, RunSummaryText.Describe(summary));
        Assert.NotEmpty(summary.Alerts!.Rules);
        Assert.All(summary.Alerts.Rules, rule => Assert.Equal(summary.Alerts.StartedAt - TimeSpan.FromDays(2), rule.Since));
    }

    [Fact]
    public async Task RunAsync_MaxEventsPerEvaluationSet_FirstEvaluationsRunInSlices()
    {
        await using var api = await EventsApiHarness.StartScenarioAsync(45, 30, 1500, Now);
        var account = ScenarioSync.Account(api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-30));
        using var logs = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        using var sync = ScenarioSync.CreateRunner(neo4j, loggers: loggers, alerts: true, maxEventsPerEvaluation: 400);

        var summary = await sync.RunAsync(account, CancellationToken.None);

        Assert.True(summary.Succeeded && summary.Alerts!.Succeeded, RunSummaryText.Describe(summary));
        var sliced = logs.Collector.GetSnapshot().Where(r => r.Id.Id == 8007).ToList();
        Assert.Equal(summary.Alerts.Rules.Count, sliced.Count);
        var events = await neo4j.CountAsync(
            "MATCH (e) WHERE e.account = 'default' AND (e:one_password_item_usage_event OR e:one_password_audit_event OR e:one_password_signin_attempt_event) RETURN count(e) AS c");
        Assert.All(sliced, r => Assert.Contains($"{events} events since 1970-01-01 00:00:00Z in ", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SinkDown_TheSyncStillSucceedsAndTheSummarySaysWhatIsOwed()
    {
        await using var api = await EventsApiHarness.StartScenarioAsync(45, 30, 1500, Now);
        var account = ScenarioSync.Account(api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-30));
        var channel = new RecordingChannel("slack", behaviour: (_, _) => throw new InvalidOperationException("Slack answered 503"));
        using var sync = ScenarioSync.CreateRunner(neo4j, alerts: true, channels: [channel]);

        var summary = await sync.RunAsync(account, CancellationToken.None);

        Assert.True(summary.Succeeded, RunSummaryText.Describe(summary));
        var result = summary.Delivery!.Channels.Single();
        Assert.Equal((0, summary.Alerts!.NewFindings.Count, "Slack answered 503"), (result.Delivered, result.Remaining, result.Error));
        Assert.Contains("delivery: slack failed (Slack answered 503), 0 delivered", RunSummaryText.Describe(summary), StringComparison.Ordinal);
        Assert.Contains("\"delivery\":[{\"channel\":\"slack\",\"delivered\":0", RunSummaryText.Json(summary), StringComparison.Ordinal);
    }
}
