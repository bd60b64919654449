namespace OnePasswordGraph.Rules;

/// <summary>How one rule's evaluation went.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Severity">The rule's severity.</param>
/// <param name="Since">Start of the window evaluated.</param>
/// <param name="Rows">Findings the rule returned (new or not).</param>
/// <param name="NewFindings">Findings stored for the first time.</param>
/// <param name="Error">Why the rule failed; null when it succeeded.</param>
/// <param name="Duration">Time to evaluate and store.</param>
public sealed record RuleRunResult(string RuleId, AlertSeverity Severity, DateTimeOffset Since, int Rows, int NewFindings, string? Error, TimeSpan Duration)
{
    /// <summary>Gets a value indicating whether the rule failed (its findings, if any, were not stored and its watermark did not move).</summary>
    public bool Failed => Error is not null;
}
