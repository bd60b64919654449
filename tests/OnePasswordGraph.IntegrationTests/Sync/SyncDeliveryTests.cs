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
