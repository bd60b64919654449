using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Delivery.Response;

/// <summary>
/// The resolved suspend-user response. A finding triggers it when its rule is in <see cref="RuleIds"/> (when any are
/// listed) and its severity is at least <see cref="MinSeverity"/> (when set); at least one of the two is set.
/// </summary>
/// <param name="RuleIds">Rule ids that trigger it; empty means any rule.</param>
/// <param name="MinSeverity">The lowest severity that triggers it; null means any.</param>
/// <param name="DryRun">Whether actions are only logged and recorded.</param>
/// <param name="ProtectedUsers">User uuids and emails never suspended (compared ignoring case).</param>
/// <param name="MaxPerHour">How many users it suspends (or would, in a dry run) per rolling hour, across accounts and workers.</param>
public sealed record SuspendUserSettings(IReadOnlySet<string> RuleIds, AlertSeverity? MinSeverity, bool DryRun, IReadOnlySet<string> ProtectedUsers, int MaxPerHour)
{
    /// <summary>Tells whether a finding of <paramref name="ruleId"/> at <paramref name="severity"/> triggers the response.</summary>
    public bool Triggers(string ruleId, AlertSeverity severity) =>
        (RuleIds.Count == 0 || RuleIds.Contains(ruleId)) && (MinSeverity is not { } min || severity >= min);

    /// <summary>Tells whether the user with <paramref name="uuid"/> and <paramref name="email"/> is on the protected list.</summary>
    public bool IsProtected(string uuid, string? email) =>
        ProtectedUsers.Contains(uuid) || (email is not null && ProtectedUsers.Contains(email));
}
