using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Mapping.Events;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sources.Events.Records;
using OnePasswordGraph.Sync.Events;
using OnePasswordGraph.Sync.Status;
using OnePasswordGraph.Testing;
using static OnePasswordGraph.IntegrationTests.Support.ScriptedEventsApi;

namespace OnePasswordGraph.IntegrationTests.Sync.Events;

/// <summary>
/// An Events API that sends malformed events inside good pages, or pages forever, served by a Kestrel test double on
/// loopback and read by the product's own client into the real Neo4j.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class EventPageFaultTests(Neo4jServerFixture neo4j) : IAsyncLifetime, IDisposable
{
    private const string Account = "acme";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly TestMeterFactory _meters = new();
    private readonly FakeLogger _logs = new();
    private readonly List<RequestBudget> _budgets = [];

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _meters.Dispose();
        _budgets.ForEach(budget => budget.Dispose());
    }

    [Fact]
    public async Task RunAsync_MalformedEventsInAGoodPage_WritesTheRestAndQuarantinesEachOnceEvenWhenThePageIsFetchedAgain()
    {
        var huge = ItemUsage("E-HUGE", extra: $",\"note\":\"{new string('x', 70_000)}\"");
        const string NoUuid = """{"timestamp":"2026-10-31T12:00:00Z","action":"reveal"}""";
        var badTime = ItemUsage("E3", timestamp: "yesterday");
        var userIsANumber = ItemUsage("E5", user: "7");
        await using var api = await StartAsync(cursor => cursor switch
        {
            null => Page("c1", true, ItemUsage("E1"), "42", NoUuid, ItemUsage("E2", action: "teleport", extra: ",\"brand_new_field\":{\"x\":1}")),
            "c1" => Page("c2", false, badTime, huge, ItemUsage("E4"), userIsANumber),
            _ => Page(cursor, false),
        });
        using var quarantined = new MetricCollector<long>(_meters, SyncMetrics.MeterName, SyncMetrics.EventsQuarantinedInstrument);

        await CreateSut(api).RunAsync(Account, Backfill, CancellationToken.None);

        Assert.Equal(["E1", "E2", "E4"], await EventKeysAsync());
        Assert.Equal("teleport", (await neo4j.QueryAsync("MATCH (e:one_password_item_usage_event {_key: 'E2'}) RETURN e.action AS a")).Rows.Single()[0]);
        Assert.Equal(NoUuid, (await neo4j.QueryAsync("MATCH (q:one_password_quarantined_event {reason: 'no_uuid'}) RETURN q.rawJson AS j")).Rows.Single()[0]);
        var rows = (await neo4j.QueryAsync(
            "MATCH (q:one_password_quarantined_event) RETURN q.stream AS s, q.reason AS r, q.rawBytes AS b, q.truncated AS t, size(q.rawJson) AS n, q.account AS a")).Rows;
        Assert.Equal(
            [
                $"itemusages not_an_object 2 False 2 {Account}",
                $"itemusages no_uuid {NoUuid.Length} False {NoUuid.Length} {Account}",
                $"itemusages bad_timestamp {badTime.Length} False {badTime.Length} {Account}",
                $"itemusages too_large {huge.Length} True {MalformedEvent.MaxStoredBytes} {Account}",
                $"itemusages unreadable {userIsANumber.Length} False {userIsANumber.Length} {Account}",
            ],
            rows.OrderBy(r => Order((string)r[1]!)).Select(r => string.Join(" ", r)));
        Assert.Equal("c2", await StoredCursorAsync());
        Assert.Equal(5, (await new AccountStatusReader(neo4j.Runner).ReadAsync(Account, CancellationToken.None)).NodeCounts["one_password_quarantined_event"]);
        Assert.Equal(5, quarantined.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(1, quarantined.GetMeasurementSnapshot().Count(m => m.Tags["reason"] as string == "too_large" && m.Tags["stream"] as string == "itemusages"));
        var warnings = _logs.Collector.GetSnapshot().Where(r => r.Id.Id == 5301).ToList();
        Assert.Equal(5, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(LogLevel.Warning, w.Level));
        Assert.Contains(warnings, w => w.Message.Contains("Account acme: a itemusages event could not be read (no_uuid", StringComparison.Ordinal));
        Assert.All(_logs.Collector.GetSnapshot(), r => Assert.DoesNotContain("xxxxxxxx", r.Message, StringComparison.Ordinal));
        Assert.All(_logs.Collector.GetSnapshot(), r => Assert.DoesNotContain("\"timestamp\"", r.Message, StringComparison.Ordinal));

        // The cursor is lost (as after a crash before the first page's commit): the same pages come again.
        await neo4j.QueryAsync("MATCH (s:one_password_sync_state) DETACH DELETE s");
        await CreateSut(api).RunAsync(Account, Backfill, CancellationToken.None);

        Assert.Equal(5, await neo4j.CountAsync("MATCH (q:one_password_quarantined_event) RETURN count(q) AS c"));
        Assert.Equal(["E1", "E2", "E4"], await EventKeysAsync());
    }

    [Fact]
    public async Task EraseAsync_AccountWithQuarantinedEvents_RemovesItsQuarantineOnly()
    {
        await using var api = await StartAsync(cursor => cursor is null ? Page("c1", false, ItemUsage("E1"), "null", "[1]") : Page(cursor, false));
        await CreateSut(api).RunAsync(Account, Backfill, CancellationToken.None);
        await CreateSut(api, "other").RunAsync("other", Backfill, CancellationToken.None);
        Assert.Equal(["acme", "acme", "other", "other"], (await neo4j.QueryAsync("MATCH (q:one_password_quarantined_event) RETURN q.account AS a ORDER BY a")).Rows.Select(r => r[0]));

        await new AccountEraser(neo4j.Runner, GraphSchema.OnePassword).EraseAsync(Account, CancellationToken.None);

        Assert.Equal(2, await neo4j.CountAsync("MATCH (q:one_password_quarantined_event {account: 'other'}) RETURN count(q) AS c"));
        Assert.Equal(0, await neo4j.CountAsync("MATCH (q:one_password_quarantined_event {account: 'acme'}) RETURN count(q) AS c"));
    }

    [Fact]
    public async Task RunAsync_SameCursorHandedBackWithHasMore_FailsAtOnceSayingSoAndKeepsTheLastGoodCursor()
    {
        await using var api = await StartAsync(cursor => cursor switch
        {
            null => Page("c1", true, ItemUsage("E1"), ItemUsage("E2")),
            "c1" => Page("c2", true, ItemUsage("E3")),
            _ => Page("c2", true, ItemUsage("E3")),
        });

        var error = await Assert.ThrowsAsync<EndlessPagingException>(() => CreateSut(api).RunAsync(Account, Backfill, CancellationToken.None));

        Assert.Contains("Account acme: the Events API answered itemusages with the cursor it was sent and has_more true", error.Message, StringComparison.Ordinal);
        Assert.Contains("fault of the Events API", error.Message, StringComparison.Ordinal);
        Assert.Equal([null, "c1", "c2"], api.Cursors.Take(3));
        Assert.InRange(api.Cursors.Count, 3, 4);
        Assert.Equal(["E1", "E2", "E3"], await EventKeysAsync());
        Assert.Equal("c2", await StoredCursorAsync());
    }

    [Fact]
    public async Task RunAsync_HasMoreForeverWithOnlyEventsAlreadyWritten_FailsAfterTenPagesWithNothingTwice()
    {
        await using var api = await StartAsync(cursor => cursor switch
        {
            null => Page("c0", true, ItemUsage("E1"), ItemUsage("E2")),
            "c0" => Page("c1", true, ItemUsage("E3")),

            // From here on every page repeats E2 and E3 under a new cursor: an API that loops.
            _ => Page(cursor + "+", true, ItemUsage("E2"), ItemUsage("E3")),
        });

        var error = await Assert.ThrowsAsync<EndlessPagingException>(() => CreateSut(api).RunAsync(Account, Backfill, CancellationToken.None));

        Assert.Contains($"with {PagingGuard.MaxPagesWithoutNewEvents} pages in a row that said has_more true but brought no event", error.Message, StringComparison.Ordinal);
        Assert.InRange(api.Cursors.Count, 2 + PagingGuard.MaxPagesWithoutNewEvents, 3 + PagingGuard.MaxPagesWithoutNewEvents);
        Assert.Equal(["E1", "E2", "E3"], await EventKeysAsync());
        Assert.Equal(3, await neo4j.CountAsync("MATCH (:one_password_user)-[r:PERFORMED]->() RETURN count(r) AS c"));
        Assert.Equal("c1", await StoredCursorAsync());
        Assert.Equal(3L, (await neo4j.QueryAsync("MATCH (s:one_password_sync_state {_key: 'acme:itemusages'}) RETURN s.eventsWritten AS c")).Rows.Single()[0]);
    }

    private DateTimeOffset Backfill => _clock.GetUtcNow().AddDays(-3);

    private static int Order(string reason) => Array.IndexOf(["not_an_object", "no_uuid", "bad_timestamp", "too_large", "unreadable"], reason);

    private EventStreamSync<ItemUsage> CreateSut(ScriptedEventsApi api, string account = Account)
    {
        var budget = new RequestBudget(6000, 30000, TimeProvider.System);
        _budgets.Add(budget);
        var client = EventsApi.CreateClient(
            TestHttpClients.Create(), new EventsSettings(api.BaseUrl, "scripted-token", "v2", 1000, TimeSpan.FromSeconds(30), 6000, 30000), budget, TimeProvider.System);
        return new(client.ItemUsages, new ItemUsageMapper(account), neo4j.CreateWriter(_clock), new SyncStateStore(neo4j.Runner),
            Neo4jServerFixture.CreateRetry(), new SyncMetrics(_meters), _clock, _logs, pageSize: 1000);
    }

    private async Task<List<object?>> EventKeysAsync() =>
        [.. (await neo4j.QueryAsync("MATCH (e:one_password_item_usage_event) RETURN e._key AS k ORDER BY k")).Rows.Select(r => r[0])];

    private async Task<string?> StoredCursorAsync() =>
        (await neo4j.QueryAsync("MATCH (s:one_password_sync_state {_key: 'acme:itemusages'}) RETURN s.cursor AS c")).Rows.SingleOrDefault()?[0] as string;
}
