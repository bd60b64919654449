using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Mapping.Events;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sources.Events.Records;
using OnePasswordGraph.Sync.Events;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.IntegrationTests.Sync.Events;

/// <summary>
/// Events stamped far in the future or long ago (a clock at 1Password's end that is wrong), from the simulator into
/// the real Neo4j: stored as sent, and the paging follows the cursor, not the times.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class ClockSkewTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_EventsInTheFutureAndLongAgo_AreStoredAsSentAndTheNextRunFetchesExactlyTheNewEvents()
    {
        var inventory = InventoryGenerator.Generate(seed: 71, users: 6, vaults: 3, itemsPerVault: 4, now: Now);
        var usages = ActivityGenerator.Generate(inventory, seed: 71, count: 400, TimeSpan.FromDays(1), Now).Events.Where(e => e.Feature == "itemusages").ToList();
        var skewed = usages.Take(30).Select((e, i) => e with { Timestamp = i % 2 == 0 ? Now.AddYears(3).AddSeconds(i) : Now.AddDays(-110).AddSeconds(i) }).ToList();
        var later = usages.Skip(30).Take(12).Select((e, i) => i == 0 ? e with { Timestamp = Now.AddYears(5) } : e).ToList();
        await using var api = await EventsApiHarness.StartAsync();
        var token = api.Simulator.AddToken().Token;
        api.Simulator.Append(skewed);
        var source = new RecordingSource(api.Client(token).ItemUsages);

        await CreateSut(source).RunAsync("acme", Now.AddDays(-115), CancellationToken.None);

        var stored = (await neo4j.QueryAsync("MATCH (e:one_password_item_usage_event) RETURN e._key AS k, e.timestamp AS t, e.occurredAt AS o")).Rows
            .ToDictionary(r => (string)r[0]!, r => ((long)r[1]!, (string)r[2]!));
        Assert.Equal(skewed.Select(e => e.Uuid).Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        Assert.All(skewed, e => Assert.Equal(e.Timestamp.ToUnixTimeMilliseconds(), stored[e.Uuid].Item1));
        Assert.All(skewed, e => Assert.Equal(e.Timestamp, DateTimeOffset.Parse(stored[e.Uuid].Item2, System.Globalization.CultureInfo.InvariantCulture)));
        var firstRunRequests = source.Requests.Count;

        api.Simulator.Append(later);
        await CreateSut(source).RunAsync("acme", Now.AddDays(-115), CancellationToken.None);

        var secondRun = source.Requests.Skip(firstRunRequests).ToList();
        Assert.All(secondRun, request => Assert.IsType<EventPageRequest.Continue>(request));
        Assert.Equal(later.Select(e => e.Uuid).Order(StringComparer.Ordinal), source.Fetched.Skip(skewed.Count).Order(StringComparer.Ordinal));
        Assert.Equal(skewed.Count + later.Count, await neo4j.CountAsync("MATCH (e:one_password_item_usage_event) RETURN count(e) AS c"));
        Assert.Equal(Now.AddYears(5).ToUnixTimeMilliseconds(), (await neo4j.QueryAsync("MATCH (s:one_password_sync_state {_key: 'acme:itemusages'}) RETURN s.lastEventTimestamp AS t")).Rows.Single()[0]);
    }

    [Fact]
    public async Task AlertRules_OverEventsStampedInTheFuture_AllRunAndNoneTakesThemAsEvidence()
    {
        var inventory = InventoryGenerator.Generate(seed: 72, users: 6, vaults: 3, itemsPerVault: 4, now: Now);
        var events = ActivityGenerator.Generate(inventory, seed: 72, count: 600, TimeSpan.FromDays(2), Now).Events;
        var usage = events.OfType<SimulatedItemUsage>().First();
        var pastExport = usage with { Uuid = "EXPORT-PAST", Timestamp = Now.AddHours(-1), Action = "export" };
        List<SimulatedEvent> future = [.. events.Where((_, i) => i % 3 == 0).Select(e => e with { Timestamp = Now.AddYears(2) }), usage with { Uuid = "EXPORT-FUTURE", Timestamp = Now.AddYears(2), Action = "export" }];
        await using var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append([.. events.Where((_, i) => i % 3 != 0), pastExport, .. future]);
        using var sync = ScenarioSync.CreateRunner(neo4j, alerts: true);

        var summary = await sync.RunAsync(ScenarioSync.Account(api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-3), name: "acme"), CancellationToken.None);

        var alerts = Assert.IsType<AlertRunSummary>(summary.Alerts);
        Assert.All(alerts.Rules, rule => Assert.Null(rule.Error));
        Assert.Contains(alerts.NewFindings, f => f.RuleId == "item-export" && f.Evidence.Contains("EXPORT-PAST"));
        var futureUuids = future.Select(e => e.Uuid).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(alerts.NewFindings.SelectMany(f => f.Evidence), futureUuids.Contains);
        Assert.All(alerts.NewFindings, f => Assert.True(f.OccurredOn <= TimeProvider.System.GetUtcNow(), f.Summary));
    }

    private EventStreamSync<ItemUsage> CreateSut(IEventPageSource<ItemUsage> source) =>
        new(source, new ItemUsageMapper("acme"), neo4j.CreateWriter(), new SyncStateStore(neo4j.Runner),
            Neo4jServerFixture.CreateRetry(), new SyncMetrics(new TestMeterFactory()), TimeProvider.System, NullLogger.Instance, pageSize: 7);

    /// <summary>The product's page source, with what it was asked and what it brought back written down.</summary>
    private sealed class RecordingSource(IEventPageSource<ItemUsage> inner) : IEventPageSource<ItemUsage>
    {
        public string Stream => inner.Stream;

        public string ApiVersion => inner.ApiVersion;

        public List<EventPageRequest> Requests { get; } = [];

        public List<string> Fetched { get; } = [];

        public async Task<EventPage<ItemUsage>> FetchAsync(EventPageRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            var page = await inner.FetchAsync(request, cancellationToken);
            Fetched.AddRange(page.Items.Select(e => e.Uuid));
            return page;
        }
    }
}
