using Microsoft.Extensions.Logging;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Sync.Internal;

internal static partial class SyncLog
{
    [LoggerMessage(EventId = 5001, EventName = "StepFinished", Level = LogLevel.Debug,
        Message = "Account {Account}: step {StepId} finished with {Status} in {DurationMs} ms")]
    public static partial void StepFinished(ILogger logger, string account, string stepId, StepStatus status, long durationMs);

    [LoggerMessage(EventId = 5002, EventName = "StepFailed", Level = LogLevel.Error,
        Message = "Account {Account}: step {StepId} failed: {Reason}")]
    public static partial void StepFailed(ILogger logger, string account, string stepId, string reason);

    [LoggerMessage(EventId = 5003, EventName = "EventPageWritten", Level = LogLevel.Information,
        Message = "Account {Account}: {Stream} wrote {EventCount} events ({EventsPerSecond:0} events/s); newest event {Age} old")]
    public static partial void EventPageWritten(ILogger logger, string account, string stream, int eventCount, double eventsPerSecond, string age);

    [LoggerMessage(EventId = 5004, EventName = "BackfillClamped", Level = LogLevel.Warning,
        Message = "Account {Account}: {Stream} backfill start {Requested:o} is older than the Events API's 120-day retention; starting at {Clamped:o}")]
    public static partial void BackfillClamped(ILogger logger, string account, string stream, DateTimeOffset requested, DateTimeOffset clamped);

    [LoggerMessage(EventId = 5005, EventName = "StreamStarted", Level = LogLevel.Information,
        Message = "Account {Account}: {Stream} starts from {StartTime:o} (no cursor stored yet)")]
    public static partial void StreamStarted(ILogger logger, string account, string stream, DateTimeOffset startTime);

    [LoggerMessage(EventId = 5006, EventName = "CursorReset", Level = LogLevel.Warning,
        Message = "Account {Account}: {Stream} cursor cannot be used ({Reason}); restarting from {StartTime:o}, replayed events are merged by uuid")]
    public static partial void CursorReset(ILogger logger, string account, string stream, string reason, DateTimeOffset startTime);

    [LoggerMessage(EventId = 5007, EventName = "RunFinished", Level = LogLevel.Information,
        Message = "Account {Account}: sync {RunId} {Outcome} in {DurationMs} ms: {Summary}")]
    public static partial void RunFinished(ILogger logger, string account, string runId, string outcome, long durationMs, string summary);

    [LoggerMessage(EventId = 5008, EventName = "InventoryCleaned", Level = LogLevel.Information,
        Message = "Account {Account}: marked {NodeCount} {Type} inactive and removed {RelationshipCount} stale relationships")]
    public static partial void InventoryCleaned(ILogger logger, string account, string type, long nodeCount, long relationshipCount);

    [LoggerMessage(EventId = 5009, EventName = "CleanupSkipped", Level = LogLevel.Warning,
        Message = "Account {Account}: cleanup of {Type} skipped because the listing was incomplete: {Reason}")]
    public static partial void CleanupSkipped(ILogger logger, string account, string type, string reason);

    // An idle run (nothing new, nothing removed) logs only its RunFinished line at Information.
    [LoggerMessage(EventId = 5010, EventName = "StreamUpToDate", Level = LogLevel.Debug,
        Message = "Account {Account}: {Stream} had no new events")]
    public static partial void StreamUpToDate(ILogger logger, string account, string stream);

    [LoggerMessage(EventId = 5011, EventName = "InventoryUnchanged", Level = LogLevel.Debug,
        Message = "Account {Account}: no {Type} to mark inactive and no stale relationships")]
    public static partial void InventoryUnchanged(ILogger logger, string account, string type);
}
