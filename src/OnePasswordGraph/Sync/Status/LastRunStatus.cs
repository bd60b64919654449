namespace OnePasswordGraph.Sync.Status;

/// <summary>
/// The last finished run of an account; <see cref="SummaryJson"/> holds its steps. <see cref="LastSucceededOn"/> is
/// when the last successful run ended, which differs from <see cref="FinishedOn"/> while runs fail (null when none
/// has succeeded).
/// </summary>
public sealed record LastRunStatus(string RunId, string Outcome, DateTimeOffset StartedOn, DateTimeOffset FinishedOn, string? SummaryJson, DateTimeOffset? LastSucceededOn = null);
