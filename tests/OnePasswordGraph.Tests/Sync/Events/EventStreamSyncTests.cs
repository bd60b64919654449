using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Mapping.Events;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sources.Events.Records;
using OnePasswordGraph.Sync.Events;
using OnePasswordGraph.Testing;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Sync.Events;

public sealed class EventStreamSyncTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_PageWriteFails_CancelsThePageBeingPrefetched()
    {
        var writeFailure = new InvalidOperationException("the write failed");
        var noState = new CypherResult(["cursor", "apiVersion", "lastEventTimestamp"], []);
        var runner = new ScriptedCypherRunner(noState, writeFailure);
        var source = new PrefetchWatchingSource();
        var clock = new FakeTimeProvider(Now);
        using var meters = new TestMeterFactory();
        var sync = CreateSync(source, runner, clock, meters);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => sync.RunAsync("acme", backfillStart: null, CancellationToken.None));

        Assert.Same(writeFailure, thrown);
        Assert.True(source.PrefetchToken.IsCancellationRequested, "the page being prefetched was left running after the write failed");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => source.Prefetch!);
    }

    [Fact]
    public async Task RunAsync_PageWithAMalformedEvent_WritesItsQuarantineNodeInThePagesOneStatementWithTheCursor()
    {
        var empty = new CypherResult([], []);
        var runner = new ScriptedCypherRunner(new CypherResult(["cursor", "apiVersion", "lastEventTimestamp"], []), empty, empty, empty);
        var malformed = new MalformedEvent(1, MalformedEventReason.NoUuid, "{}", 2, new string('0', 64));
        var page = new EventPage<ItemUsage>("c1", HasMore: false, [new ItemUsage { Uuid = "E1", Timestamp = Now, Action = "reveal" }]) { Malformed = [malformed] };
        var clock = new FakeTimeProvider(Now);
        using var meters = new TestMeterFactory();
        var sync = CreateSync(new OnePageSource(page), runner, clock, meters);

        var outcome = await sync.RunAsync("acme", backfillStart: null, CancellationToken.None);

        var writes = runner.Statements.Where(s => s.Text.Contains("MERGE", StringComparison.Ordinal)).ToList();
        var write = Assert.Single(writes);
        Assert.Contains("one_password_quarantined_event", write.Text, StringComparison.Ordinal);
        Assert.Contains("one_password_item_usage_event", write.Text, StringComparison.Ordinal);
        Assert.True(write.Parameters.ContainsKey("checkpoint"));
        Assert.Equal(1, outcome.CountsByType["one_password_quarantined_event"]);
        Assert.Equal(1, outcome.CountsByType["one_password_item_usage_event"]);
    }

    /// <summary>Answers one page, whatever is asked.</summary>
    private static EventStreamSync<ItemUsage> CreateSync(IEventPageSource<ItemUsage> source, ScriptedCypherRunner runner, FakeTimeProvider clock, TestMeterFactory meters) =>
        new(
            source,
            new ItemUsageMapper("acme"),
            new GraphWriter(runner, GraphSchema.OnePassword, 1000, clock, NullLogger<GraphWriter>.Instance),
            new SyncStateStore(runner),
            new TransientRetry("1Password", new RetryOptions(), clock, NullLogger.Instance),
            new SyncMetrics(meters),
            clock,
            NullLogger.Instance,
            pageSize: 100);

    private sealed class OnePageSource(EventPage<ItemUsage> page) : IEventPageSource<ItemUsage>
    {
        public string Stream => "itemusages";

        public string ApiVersion => "v2";

        public Task<EventPage<ItemUsage>> FetchAsync(EventPageRequest request, CancellationToken cancellationToken) => Task.FromResult(page);
    }

    /// <summary>Answers the first page (more to come) at once; the next page waits until its request is cancelled.</summary>
    private sealed class PrefetchWatchingSource : IEventPageSource<ItemUsage>
    {
        public string Stream => "itemusages";

        public string ApiVersion => "v2";

        public CancellationToken PrefetchToken { get; private set; }

        public Task<EventPage<ItemUsage>>? Prefetch { get; private set; }

        public Task<EventPage<ItemUsage>> FetchAsync(EventPageRequest request, CancellationToken cancellationToken)
        {
            if (request is EventPageRequest.Reset)
            {
                return Task.FromResult(new EventPage<ItemUsage>("c1", HasMore: true, [new ItemUsage { Uuid = "E1", Timestamp = Now, Action = "reveal" }]));
            }

            PrefetchToken = cancellationToken;
            var waiting = new TaskCompletionSource<EventPage<ItemUsage>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = cancellationToken.Register(() => waiting.TrySetCanceled(cancellationToken));
            Prefetch = waiting.Task;
            return Prefetch;
        }
    }
}
