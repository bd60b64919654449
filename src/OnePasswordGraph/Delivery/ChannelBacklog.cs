namespace OnePasswordGraph.Delivery;

/// <summary>What one channel still owes an account.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Pending">Findings it has not accepted yet, young enough to be tried again.</param>
/// <param name="Expired">Findings it never accepted that are older than the age limit and no longer tried.</param>
/// <param name="OldestPendingOn">When the oldest pending finding was raised.</param>
/// <param name="LastError">Why the newest failed attempt failed.</param>
public sealed record ChannelBacklog(string Channel, long Pending, long Expired, DateTimeOffset? OldestPendingOn, string? LastError);
