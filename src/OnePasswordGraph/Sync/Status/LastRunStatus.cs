namespace OnePasswordGraph.Sync.Status;

/// <summary>The last finished run of an account; <see cref="SummaryJson"/> holds its steps.</summary>
public sealed record LastRunStatus(string RunId, string Outcome, DateTimeOffset StartedOn, DateTimeOffset FinishedOn, string? SummaryJson);
