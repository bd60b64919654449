using System.Globalization;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Mapping.Events;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sync.Internal;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Sync.Events;

/// <summary>
/// Brings one stream of one account up to date, exactly once in effect: each page is written in one statement
/// together with the cursor that follows it, so a crash anywhere keeps both or neither, and a replayed page merges
/// onto the same event nodes. The next page is fetched while the current one is written, and at most two pages are
/// held in memory whatever the size of the backfill. Elements of a page that are not readable events are written to
/// the quarantine with the page; an API that pages without end is given up on (<see cref="PagingGuard"/>). Event
/// times never steer the paging: the cursor is 1Password's, and a time in the future or long past is stored as sent.
/// </summary>
public sealed class EventStreamSync<TEvent>
{
    /// <summary>The Events API keeps 120 days of events.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(120);

    private const int PagesPerProgressLine = 10;

    private readonly IEventPageSource<TEvent> _source;
    private readonly IEventMapper<TEvent> _mapper;
    private readonly GraphWriter _writer;
    private readonly SyncStateStore _state;
    private readonly TransientRetry _retry;
    private readonly SyncMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly int _pageSize;

    public EventStreamSync(
        IEventPageSource<TEvent> source,
        IEventMapper<TEvent> mapper,
        GraphWriter writer,
        SyncStateStore state,
        TransientRetry retry,
        SyncMetrics metrics,
        TimeProvider timeProvider,
        ILogger logger,
        int pageSize)
    {
        _source = source;
        _mapper = mapper;
        _writer = writer;
        _state = state;
        _retry = retry;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        _pageSize = pageSize;
    }

    /// <summary>Pages through the stream until it is caught up. Stops between pages when cancelled.</summary>
    public async Task<StepOutcome> RunAsync(string account, DateTimeOffset? backfillStart, CancellationToken cancellationToken)
    {
        var stored = await _state.ReadAsync(account, _source.Stream, cancellationToken).ConfigureAwait(false);
        var progress = new StreamProgress(stored?.LastEventTimestamp, _timeProvider.GetTimestamp());
        var request = FirstRequest(account, stored, backfillStart);
        var page = await FetchAsync(account, request, progress, cancellationToken).ConfigureAwait(false);
        var guard = new PagingGuard(account, _source.Stream);
        while (true)
        {
            var worthWriting = guard.Admit(request, page.Cursor, page.HasMore, Identities(page));
            var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var next = page.HasMore ? FetchAsync(account, new EventPageRequest.Continue(page.Cursor), progress, prefetch.Token) : null;
            try
            {
                // The page in flight is committed even when a shutdown is requested, so the stored cursor always
                // matches what was written.
                if (worthWriting)
                {
                    await WriteAsync(account, request, page, progress).ConfigureAwait(false);
                }
                else
                {
                    EventFaultLog.PageWithoutNewEvents(_logger, account, _source.Stream);
                }
            }
            catch
            {
                // The next page would be thrown away with this run; left alone, its retries would go on for minutes
                // and spend the token's request budget.
                await prefetch.CancelAsync().ConfigureAwait(false);
                Observe(next, prefetch);
                throw;
            }

            if (next is null)
            {
                prefetch.Dispose();
                break;
            }

            if (cancellationToken.IsCancellationRequested)
            {
                // The linked prefetch is cancelled with the run; only its outcome is left to observe.
                Observe(next, prefetch);
                cancellationToken.ThrowIfCancellationRequested();
            }

            request = new EventPageRequest.Continue(page.Cursor);
            try
            {
                page = await next.ConfigureAwait(false);
            }
            finally
            {
                prefetch.Dispose();
            }
        }

        LogProgress(account, progress);
        return new StepOutcome(progress.CountsByType);
    }

    private EventPageRequest FirstRequest(string account, StreamState? stored, DateTimeOffset? backfillStart)
    {
        if (stored?.Cursor is { } cursor && stored.ApiVersion == _source.ApiVersion)
        {
            return new EventPageRequest.Continue(cursor);
        }

        var now = _timeProvider.GetUtcNow();
        DateTimeOffset start;
        if (stored?.LastEventTimestamp is { } last)
        {
            start = NotAfterNow(account, DateTimeOffset.FromUnixTimeMilliseconds(last));
            SyncLog.CursorReset(_logger, account, _source.Stream, $"it belongs to API {stored.ApiVersion}, the stream now uses {_source.ApiVersion}", start);
        }
        else
        {
            start = backfillStart ?? now;
            SyncLog.StreamStarted(_logger, account, _source.Stream, start);
        }

        var oldest = now - Retention;
        if (start < oldest)
        {
            SyncLog.BackfillClamped(_logger, account, _source.Stream, start, oldest);
            start = oldest;
        }

        return new EventPageRequest.Reset(start, _pageSize);
    }

    private async Task<EventPage<TEvent>> FetchAsync(string account, EventPageRequest request, StreamProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(token => _source.FetchAsync(request, token), cancellationToken).ConfigureAwait(false);
        }
        catch (CursorRejectedException ex) when (request is EventPageRequest.Continue)
        {
            // A cursor the API no longer accepts: restart from the newest event written. Events at that time are
            // fetched again and merge onto their nodes by uuid.
            var start = progress.NewestEvent is { } newest ? NotAfterNow(account, DateTimeOffset.FromUnixTimeMilliseconds(newest)) : _timeProvider.GetUtcNow() - Retention;
            SyncLog.CursorReset(_logger, account, _source.Stream, ex.Message, start);
            var reset = new EventPageRequest.Reset(start, _pageSize);
            return await _retry.ExecuteAsync(token => _source.FetchAsync(reset, token), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(string account, EventPageRequest request, EventPage<TEvent> page, StreamProgress progress)
    {
        if (page.Items.Count == 0 && page.Malformed.Count == 0 && request is EventPageRequest.Continue { Value: var sent } && sent == page.Cursor)
        {
            return;
        }

        var events = _mapper.Map(page.Items, _source.ApiVersion);
        var quarantined = QuarantineMapper.Map(account, _source.Stream, _source.ApiVersion, PagePosition(request), page.Malformed);
        var changes = quarantined.Count == 0 ? events : events with { Entities = [.. events.Entities, .. quarantined] };
        var newest = page.Items.Count == 0 ? progress.NewestEvent : Math.Max(progress.NewestEvent ?? long.MinValue, page.Items.Max(e => _mapper.TimestampOf(e).ToUnixTimeMilliseconds()));
        var checkpoint = SyncStateStore.Entity(account, _source.Stream, new Dictionary<string, object?>
        {
            ["cursor"] = page.Cursor,
            ["apiVersion"] = _source.ApiVersion,
            ["updatedOn"] = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds(),
            ["lastEventTimestamp"] = newest,
            ["eventsWritten"] = progress.Events + page.Items.Count,
        });
        await _writer.WriteWithCheckpointAsync(changes, checkpoint, new GraphWriteContext(account), CancellationToken.None).ConfigureAwait(false);
        progress.Add(changes, page.Items.Count, newest);
        foreach (var bad in page.Malformed)
        {
            EventFaultLog.EventQuarantined(_logger, account, _source.Stream, bad.Reason, bad.RawBytes, bad.Position);
            _metrics.EventQuarantined(account, _source.Stream, bad.Reason);
        }

        _metrics.EventsIngested(account, _source.Stream, page.Items.Count, LagSeconds(progress));
        if (progress.Pages % PagesPerProgressLine == 0)
        {
            LogProgress(account, progress);
        }
    }

    private void LogProgress(string account, StreamProgress progress)
    {
        if (progress.Events == 0)
        {
            SyncLog.StreamUpToDate(_logger, account, _source.Stream);
            return;
        }

        var elapsed = _timeProvider.GetElapsedTime(progress.StartedAt).TotalSeconds;
        SyncLog.EventPageWritten(_logger, account, _source.Stream, progress.Events, elapsed > 0 ? progress.Events / elapsed : 0, HumanDuration.Describe(TimeSpan.FromSeconds(LagSeconds(progress))));
    }

    // An event stamped in the future (clock skew at 1Password's end) is no lag at all.
    private double LagSeconds(StreamProgress progress) =>
        progress.NewestEvent is { } newest ? Math.Max(0, (_timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(newest)).TotalSeconds) : 0;

    // A restart by time from an event stamped in the future would skip everything that happens until then.
    private DateTimeOffset NotAfterNow(string account, DateTimeOffset newest)
    {
        var now = _timeProvider.GetUtcNow();
        if (newest <= now)
        {
            return newest;
        }

        EventFaultLog.FutureEventTime(_logger, account, _source.Stream, newest, now);
        return now;
    }

    private IReadOnlyList<string> Identities(EventPage<TEvent> page) =>
        [.. page.Items.Select(_mapper.UuidOf), .. page.Malformed.Select(bad => "malformed:" + bad.RawSha256)];

    private static string PagePosition(EventPageRequest request) => request switch
    {
        EventPageRequest.Continue next => next.Value,
        EventPageRequest.Reset reset => "reset:" + reset.StartTime.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };

    // The abandoned fetch's failure is observed, and its token source disposed only once nothing can use it.
    private static void Observe(Task? task, CancellationTokenSource source)
    {
        if (task is null)
        {
            source.Dispose();
            return;
        }

        task.ContinueWith(t => { _ = t.Exception; source.Dispose(); }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }
}
