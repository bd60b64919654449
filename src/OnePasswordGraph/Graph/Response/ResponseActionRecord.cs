namespace OnePasswordGraph.Graph.Response;

/// <summary>One action on a user, as it is recorded in the graph.</summary>
/// <param name="Account">The configured account name.</param>
/// <param name="Action"><c>suspend</c> or <c>reactivate</c>.</param>
/// <param name="Result">One of <see cref="ResponseResults"/>.</param>
/// <param name="TargetUserUuid">The user acted on.</param>
/// <param name="RequestedOn">When it was requested.</param>
/// <param name="DryRun">Whether nothing was sent to 1Password.</param>
/// <param name="RequestedBy"><c>suspend-user</c> (the response) or <c>cli</c>.</param>
/// <param name="Error">Why it was refused or failed.</param>
/// <param name="RuleId">The rule of the triggering finding.</param>
/// <param name="FindingFingerprint">The triggering finding's <c>_key</c>.</param>
public sealed record ResponseActionRecord(
    string Account,
    string Action,
    string Result,
    string TargetUserUuid,
    DateTimeOffset RequestedOn,
    bool DryRun,
    string RequestedBy,
    string? Error = null,
    string? RuleId = null,
    string? FindingFingerprint = null)
{
    /// <summary>Gets the node's key: unique per request of an action on a user.</summary>
    public string Key => $"{Account}|{Action}|{TargetUserUuid}|{RequestedOn.ToUnixTimeMilliseconds()}|{FindingFingerprint ?? RequestedBy}";
}
