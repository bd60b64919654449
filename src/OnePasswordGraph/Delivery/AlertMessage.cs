using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Delivery;

/// <summary>A stored finding as a channel receives it, read back from its <c>one_password_alert</c> node.</summary>
/// <param name="Fingerprint">The finding node's <c>_key</c>; receivers use it to drop a repeat.</param>
/// <param name="RuleId">The rule's id.</param>
/// <param name="RuleName">The rule's name.</param>
/// <param name="Severity">The rule's severity when the finding was raised.</param>
/// <param name="Summary">One line, never a secret value.</param>
/// <param name="Account">The configured account name.</param>
/// <param name="OccurredOn">When it happened.</param>
/// <param name="CreatedOn">When the finding was first raised.</param>
/// <param name="Flagged"><c>_key</c>s of the flagged entities, the responsible user first.</param>
/// <param name="Evidence"><c>_key</c>s of the evidence events.</param>
/// <param name="FlaggedUser">The flagged user's email or name, for people reading a message; null when the first flagged key is not a known user.</param>
public sealed record AlertMessage(
    string Fingerprint,
    string RuleId,
    string RuleName,
    AlertSeverity Severity,
    string Summary,
    string Account,
    DateTimeOffset OccurredOn,
    DateTimeOffset CreatedOn,
    IReadOnlyList<string> Flagged,
    IReadOnlyList<string> Evidence,
    string? FlaggedUser = null)
{
    /// <summary>Gets <paramref name="finding"/> as a message, raised at <paramref name="createdOn"/>.</summary>
    public static AlertMessage From(Finding finding, DateTimeOffset createdOn)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.Fingerprint, finding.RuleId, finding.RuleName, finding.Severity, finding.Summary, finding.Account, finding.OccurredOn, createdOn, finding.Flagged, finding.Evidence);
    }
}
