namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>The first request of a cursor: page size and start time (RFC 3339).</summary>
internal sealed record ResetCursorRequest(int Limit, string StartTime);
