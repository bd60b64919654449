using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sync.Status;

namespace OnePasswordGraph.IntegrationTests.Sync.Status;

/// <summary>What <c>status</c> reads back from the real Neo4j after real syncs.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class AccountStatusReaderTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Read_AfterSyncs_ReportsTheLastRunEachStreamAndTheAccountsOwnCounts()
    {
        var inventory = InventoryGenerator.Generate(seed: 31, users: 10, vaults: 3, itemsPerVault: 5, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 31, count: 2500, TimeSpan.FromDays(10), Now.AddHours(-1));
        await using var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(activity.Events);
        var account = ScenarioSync.Account(api.Simulator.BaseUrl, api.Simulator.AddToken(accountUuid: inventory.AccountUuid).Token, Now.AddDays(-30), name: "acme");
        await neo4j.QueryAsync("CREATE (:one_password_item_usage_event:Record {_key: 'other', _type: 'one_password_item_usage_event', account: 'beta', timestamp: 1})");
        using var runner = ScenarioSync.CreateRunner(neo4j);
        var reader = new AccountStatusReader(neo4j.Runner);

        var first = await runner.RunAsync(account, CancellationToken.None);
        var afterFirst = await reader.ReadAsync("acme", CancellationToken.None);
        var idle = await runner.RunAsync(account, CancellationToken.None);
        var afterIdle = await reader.ReadAsync("acme", CancellationToken.None);
        var late = ActivityGenerator.Generate(inventory, seed: 32, count: 60, TimeSpan.FromMinutes(30), Now).Events.Where(e => e.Feature == "signinattempts").ToList();
        api.Simulator.Append(late);
        await runner.RunAsync(account, CancellationToken.None);
        var afterNew = await reader.ReadAsync("acme", CancellationToken.None);

        Assert.Equal(first.RunId, afterFirst.LastRun?.RunId);
        Assert.Equal("succeeded", afterFirst.LastRun?.Outcome);
        Assert.Contains("\"steps\"", afterFirst.LastRun?.SummaryJson, StringComparison.Ordinal);
        Assert.InRange(afterFirst.LastRun!.FinishedOn - afterFirst.LastRun.StartedOn, TimeSpan.Zero, first.Duration + TimeSpan.FromSeconds(1));
        foreach (var stream in afterFirst.Streams)
        {
            var events = activity.Events.Where(e => e.Feature == stream.Stream).ToList();
            Assert.Equal(events.Count, stream.EventsWrittenByLastRun);
            Assert.Equal(events.Max(e => e.Timestamp).ToUnixTimeMilliseconds(), stream.LastEventOn?.ToUnixTimeMilliseconds());
            Assert.NotNull(stream.CursorUpdatedOn);
        }

        Assert.Equal(activity.CountsByFeature["itemusages"], afterFirst.NodeCounts["one_password_item_usage_event"]);
        Assert.Equal(activity.CountsByFeature["itemusages"], afterFirst.RelationshipCounts["one_password_user_performed_item_usage_event"]);
        Assert.False(afterFirst.NodeCounts.ContainsKey("one_password_sync_state"));
        Assert.Null(afterFirst.LeaseHolder);

        Assert.Equal(idle.RunId, afterIdle.LastRun?.RunId);
        Assert.All(afterIdle.Streams, stream => Assert.Equal(0, stream.EventsWrittenByLastRun));
        Assert.Equal(afterFirst.Streams.Select(s => s.LastEventOn), afterIdle.Streams.Select(s => s.LastEventOn));

        Assert.Equal(late.Count, afterNew.Streams.Single(s => s.Stream == "signinattempts").EventsWrittenByLastRun);
        Assert.Equal(0, afterNew.Streams.Single(s => s.Stream == "itemusages").EventsWrittenByLastRun);
        Assert.Equal(activity.CountsByFeature["signinattempts"] + late.Count, afterNew.NodeCounts["one_password_signin_attempt_event"]);
    }

    [Fact]
    public async Task Read_RunFailingAfterASuccess_KeepsTheSuccessAsTheLastOne()
    {
        var inventory = InventoryGenerator.Generate(seed: 33, users: 4, vaults: 2, itemsPerVault: 3, now: Now);
        await using var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(ActivityGenerator.Generate(inventory, seed: 33, count: 50, TimeSpan.FromDays(1), Now.AddHours(-1)).Events);
        var token = api.Simulator.AddToken(accountUuid: inventory.AccountUuid).Token;
        var account = ScenarioSync.Account(api.Simulator.BaseUrl, token, Now.AddDays(-2), name: "acme");
        using var runner = ScenarioSync.CreateRunner(neo4j);
        var reader = new AccountStatusReader(neo4j.Runner);

        var succeeded = await runner.RunAsync(account, CancellationToken.None);
        var afterSuccess = await reader.ReadAsync("acme", CancellationToken.None);
        api.Simulator.RevokeToken(token);
        var failed = await runner.RunAsync(account, CancellationToken.None);
        var afterFailure = await reader.ReadAsync("acme", CancellationToken.None);

        Assert.True(succeeded.Succeeded);
        Assert.Equal(afterSuccess.LastRun?.FinishedOn, afterSuccess.LastRun?.LastSucceededOn);
        Assert.False(failed.Succeeded);
        Assert.Equal((failed.RunId, "failed"), (afterFailure.LastRun?.RunId, afterFailure.LastRun?.Outcome));
        Assert.Equal(afterSuccess.LastRun?.FinishedOn, afterFailure.LastRun?.LastSucceededOn);
        Assert.True(afterFailure.LastRun?.FinishedOn > afterFailure.LastRun?.LastSucceededOn);
    }

    [Fact]
    public async Task Read_AccountNeverSynced_ReportsNothingRatherThanFailing()
    {
        var reader = new AccountStatusReader(neo4j.Runner);

        var status = await reader.ReadAsync("never", CancellationToken.None);

        Assert.Null(status.LastRun);
        Assert.All(status.Streams, stream => Assert.Equal((null, null, null), (stream.CursorUpdatedOn, stream.LastEventOn, stream.EventsWrittenByLastRun)));
        Assert.Empty(status.NodeCounts);
        Assert.Empty(status.RelationshipCounts);
    }
}
