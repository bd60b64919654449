namespace OnePasswordGraph.Delivery.Response;

/// <summary>A request to act on one user: from a finding (with its rule and fingerprint) or from the users command.</summary>
public sealed record ResponseRequest(string Account, UserAction Action, string UserUuid, bool DryRun, string RequestedBy, string? RuleId = null, string? FindingFingerprint = null)
{
    /// <summary>Gets how logs name what asked for the action.</summary>
    public string Trigger => FindingFingerprint is { } fingerprint ? $"rule {RuleId}, finding {fingerprint}" : RequestedBy;

    /// <summary>Gets the <c>action</c> word recorded in the graph.</summary>
    public string ActionWord => Action == UserAction.Suspend ? "suspend" : "reactivate";
}
