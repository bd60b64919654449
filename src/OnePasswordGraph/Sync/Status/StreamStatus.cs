namespace OnePasswordGraph.Sync.Status;

/// <summary>One event stream: when its cursor last moved, the newest event it wrote, and how many events its last run wrote.</summary>
public sealed record StreamStatus(string Stream, DateTimeOffset? CursorUpdatedOn, DateTimeOffset? LastEventOn, long? EventsWrittenByLastRun);
