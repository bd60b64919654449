namespace OnePasswordGraph.Graph.Jobs;

/// <summary>What is stored of one stream: the cursor after the last page written, its API version and the newest event time.</summary>
public sealed record StreamState(string? Cursor, string? ApiVersion, long? LastEventTimestamp);
