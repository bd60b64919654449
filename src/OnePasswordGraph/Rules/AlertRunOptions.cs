namespace OnePasswordGraph.Rules;

/// <summary>What one alert run evaluates.</summary>
/// <param name="Since">
/// Start of every rule's window, instead of the rule's watermark minus its lookback (<c>alerts run --since</c>).
/// The watermark still advances when this window covers the one the watermark would have given.
/// </param>
/// <param name="RuleId">Run only this rule (enabled or not); null runs every enabled rule.</param>
/// <param name="FirstEvaluationLookback">How far back a rule's first evaluation for the account reaches; null covers the whole history.</param>
public sealed record AlertRunOptions(DateTimeOffset? Since = null, string? RuleId = null, TimeSpan? FirstEvaluationLookback = null)
{
    /// <summary>Gets the options of a scheduled run: every enabled rule, from its watermark.</summary>
    public static AlertRunOptions Default { get; } = new();
}
