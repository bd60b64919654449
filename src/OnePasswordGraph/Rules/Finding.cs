namespace OnePasswordGraph.Rules;

/// <summary>One finding of a rule: what it flags, the evidence, and its stable identity.</summary>
/// <param name="Fingerprint">Lowercase hex SHA-256 of rule id, account and dedup key (each separated by a newline); the alert node's <c>_key</c>.</param>
/// <param name="RuleId">The rule's id.</param>
/// <param name="RuleName">The rule's name.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Account">The configured account name.</param>
/// <param name="Summary">One line, naming entities by key or name, never a secret value.</param>
/// <param name="OccurredOn">When it happened (usually the newest evidence event).</param>
/// <param name="DedupKey">What makes two rows the same finding.</param>
/// <param name="Flagged"><c>_key</c>s of the flagged entities, the responsible user first.</param>
/// <param name="Evidence"><c>_key</c>s of the evidence events, at most <see cref="MaxEvidence"/>.</param>
public sealed record Finding(
    string Fingerprint,
    string RuleId,
    string RuleName,
    AlertSeverity Severity,
    string Account,
    string Summary,
    DateTimeOffset OccurredOn,
    string DedupKey,
    IReadOnlyList<string> Flagged,
    IReadOnlyList<string> Evidence)
{
    /// <summary>The most evidence events a finding keeps.</summary>
    public const int MaxEvidence = 50;
}
