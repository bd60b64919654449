using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Mapping.Events;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sync.Events;
using OnePasswordGraph.Testing;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.IntegrationTests.Sync.Events;

/// <summary>The exactly-once mechanics of one stream, with an in-memory source whose paging follows the Events API.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class EventStreamSyncTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_Backlog_WritesEveryEventOnceAndStoresTheFinalCursor()
    {
        var source = new ListSource(Events(25), pageSize: 10);

        await CreateSut(source).RunAsync("acme", _clock.GetUtcNow().AddDays(-1), CancellationToken.None);

        Assert.Equal(24, await CountEventsAsync());
        Assert.Equal("25", await StoredCursorAsync());
        await neo4j.ResetAsync();
        await CreateSut(new ListSource(Events(25), pageSize: 10)).RunAsync("acme", Backfill, CancellationToken.None);

        Assert.Equal(25, await CountEventsAsync());
        Assert.Equal("25", await StoredCursorAsync());
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 0, 0, 0, TimeSpan.Zero), source.ResetStarts.Single());
    }

    [Fact]
    public async Task RunAsync_SecondRun_ContinuesFromCursorAndChangesNothing()
    {
        var source = new ListSource(Events(25), pageSize: 10);
        await CreateSut(source).RunAsync("acme", Backfill, CancellationToken.None);
        var before = await neo4j.CountAsync("MATCH (n) RETURN count(n) AS c");

        await CreateSut(source).RunAsync("acme", Backfill, CancellationToken.None);

        Assert.Equal(before, await neo4j.CountAsync("MATCH (n) RETURN count(n) AS c"));
        Assert.Equal(["25"], source.ContinuedFrom.TakeLast(1));
        Assert.Single(source.ResetStarts);
    }

    [Fact]
    public async Task RunAsync_CancelledBetweenPages_ResumesWithNothingLostOrTwice()
    {
        using var stop = new CancellationTokenSource();
        var source = new ListSource(Events(40), pageSize: 10) { OnFetch = count => { if (count == 2) { stop.Cancel(); } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut(source).RunAsync("acme", Backfill, stop.Token));
        var written = await CountEventsAsync();
        var cursor = await StoredCursorAsync();
        await CreateSut(source).RunAsync("acme", Backfill, CancellationToken.None);

        Assert.Equal(cursor, written.ToString(CultureInfo.InvariantCulture));
        Assert.InRange(written, 10, 30);
        Assert.Equal(40, await CountEventsAsync());
    }

    [Fact]
    public async Task RunAsync_WriteFails_KeepsCursorOfTheLastWrittenPage()
    {
        var events = Events(30);
        events[15] = events[15] with { User = new string('x', 0) };
        var source = new ListSource(events, pageSize: 10);

        await Assert.ThrowsAsync<GraphValidationException>(() => CreateSut(source).RunAsync("acme", Backfill, CancellationToken.None));

        Assert.Equal("10", await StoredCursorAsync());
        Assert.Equal(10, await CountEventsAsync());
    }

    [Fact]
    public async Task RunAsync_NoBackfillConfigured_StartsNowAndStoresCursor()
    {
        var source = new ListSource(Events(5), pageSize: 10);

        await CreateSut(source).RunAsync("acme", null, CancellationToken.None);

        Assert.Equal(_clock.GetUtcNow(), source.ResetStarts.Single());
        Assert.Equal("5", await StoredCursorAsync());
        Assert.Equal(0, await CountEventsAsync());
    }

    [Fact]
    public async Task RunAsync_BackfillOlderThanRetention_IsClampedTo120Days()
    {
        var source = new ListSource([], pageSize: 10);

        await CreateSut(source).RunAsync("acme", _clock.GetUtcNow().AddDays(-400), CancellationToken.None);

        Assert.Equal(_clock.GetUtcNow().AddDays(-120), source.ResetStarts.Single());
    }

    [Fact]
    public async Task RunAsync_CursorRejected_RestartsFromNewestEventWritten()
    {
        var source = new ListSource(Events(20), pageSize: 10);
        await CreateSut(source).RunAsync("acme", Backfill, CancellationToken.None);
        source.RejectCursors = true;

        await CreateSut(source).RunAsync("acme", Backfill, CancellationToken.None);

        Assert.Equal(Events(20)[^1].Timestamp, source.ResetStarts[^1]);
        Assert.Equal(20, await CountEventsAsync());
    }

    [Fact]
    public async Task RunAsync_CursorRejectedAfterAnEventStampedInTheFuture_RestartsFromNowNotFromThatTime()
    {
        var events = Events(20);
        events[^1] = events[^1] with { Timestamp = _clock.GetUtcNow().AddDays(30) };
        var source = new ListSource(events, pageSize: 10);
        await CreateSut(source).RunAsync("acme", Backfill, CancellationToken.None);
        source.RejectCursors = true;

        await CreateSut(source).RunAsync("acme", Backfill, CancellationToken.None);

        Assert.Equal(_clock.GetUtcNow(), source.ResetStarts[^1]);
        Assert.Equal(_clock.GetUtcNow().AddDays(30).ToUnixTimeMilliseconds(), (await neo4j.QueryAsync("MATCH (e:one_password_item_usage_event {_key: $k}) RETURN e.timestamp AS t", new Dictionary<string, object?> { ["k"] = events[^1].Uuid })).Rows.Single()[0]);
    }

    private DateTimeOffset Backfill => _clock.GetUtcNow().AddDays(-3);

    private EventStreamSync<TestEvent> CreateSut(ListSource source) =>
        new(source, new TestMapper(), neo4j.CreateWriter(_clock), new SyncStateStore(neo4j.Runner),
            Neo4jServerFixture.CreateRetry(), new SyncMetrics(new TestMeterFactory()), _clock, NullLogger.Instance, pageSize: 10);

    private Task<long> CountEventsAsync() => neo4j.CountAsync("MATCH (e:one_password_item_usage_event) RETURN count(e) AS c");

    private async Task<string?> StoredCursorAsync() =>
        (await neo4j.QueryAsync("MATCH (s:one_password_sync_state {_key: 'acme:itemusages'}) RETURN s.cursor AS c")).Rows.SingleOrDefault()?[0] as string;

    private List<TestEvent> Events(int count) =>
        Enumerable.Range(0, count).Select(i => new TestEvent($"E{i:D5}", $"U{i % 3}", _clock.GetUtcNow().AddHours(-count + i))).ToList();

    internal sealed record TestEvent(string Uuid, string User, DateTimeOffset Timestamp);

    private sealed class TestMapper : IEventMapper<TestEvent>
    {
        public GraphChanges Map(IReadOnlyList<TestEvent> events, string apiVersion) => new(
            [.. events.Select(e => new GraphEntity(ItemUsageEvent, e.Uuid, new Dictionary<string, object?> { ["timestamp"] = e.Timestamp.ToUnixTimeMilliseconds(), ["apiVersion"] = apiVersion }))],
            [.. events.Select(e => new GraphRelationship(UserPerformedItemUsage, e.User, e.Uuid, new Dictionary<string, object?>()))]);

        public DateTimeOffset TimestampOf(TestEvent item) => item.Timestamp;

        public string UuidOf(TestEvent item) => item.Uuid;
    }

    /// <summary>Pages a fixed list the way the Events API pages: the cursor is the position, and stays put when caught up.</summary>
    private sealed class ListSource(List<TestEvent> events, int pageSize) : IEventPageSource<TestEvent>
    {
        private int _fetches;

        public string Stream => "itemusages";

        public string ApiVersion => "v2";

        public List<DateTimeOffset> ResetStarts { get; } = [];

        public List<string> ContinuedFrom { get; } = [];

        public bool RejectCursors { get; set; }

        public Action<int>? OnFetch { get; init; }

        public Task<EventPage<TestEvent>> FetchAsync(EventPageRequest request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            OnFetch?.Invoke(++_fetches);
            int position;
            switch (request)
            {
                case EventPageRequest.Continue { Value: var cursor } when RejectCursors:
                    throw new CursorRejectedException($"cursor {cursor} is not valid");
                case EventPageRequest.Continue { Value: var cursor }:
                    ContinuedFrom.Add(cursor);
                    position = int.Parse(cursor, CultureInfo.InvariantCulture);
                    break;
                case EventPageRequest.Reset reset:
                    ResetStarts.Add(reset.StartTime);
                    position = events.FindIndex(e => e.Timestamp >= reset.StartTime) is var index and >= 0 ? index : events.Count;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(request));
            }

            var items = events.Skip(position).Take(pageSize).ToList();
            var next = position + items.Count;
            return Task.FromResult(new EventPage<TestEvent>(next.ToString(CultureInfo.InvariantCulture), next < events.Count, items));
        }
    }
}
