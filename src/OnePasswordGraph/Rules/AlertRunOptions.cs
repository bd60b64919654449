namespace OnePasswordGraph.Rules;

/// <summary>What one alert run evaluates.</summary>
/// <param name="Since">
/// Start of every rule's window, instead of the rule's watermark minus its lookback (<c>alerts run --since</c>).
/// The watermark still advances when this window covers the one the watermark would have given.
/// </param>
/// <param name="RuleId">Run only this rule (enabled or not); null runs every enabled rule.</param>
/// <param name="FirstEvaluationLookback">How far back a rule's first evaluation for the account reaches; null covers the whole history.</param>
/// <param name="MaxEventsPerEvaluation">
/// The most events (of the three streams) one evaluation statement covers: a window longer than its rule's lookback
/// by more than <see cref="SlicingAfter"/> (a first evaluation, a catch-up, an early <see cref="Since"/>) is cut
/// into slices of at most this many events, each evaluated like a scheduled run that ends at the slice's end.
/// </param>
public sealed record AlertRunOptions(
    DateTimeOffset? Since = null, string? RuleId = null, TimeSpan? FirstEvaluationLookback = null, long MaxEventsPerEvaluation = AlertRunOptions.DefaultMaxEventsPerEvaluation)
{
    /// <summary>The default of <see cref="MaxEventsPerEvaluation"/>: the benchmark's whole 90-day history stays one statement.</summary>
    public const long DefaultMaxEventsPerEvaluation = 1_000_000;

    /// <summary>How much longer than its rule's lookback a window must be before its events are counted and it may be sliced.</summary>
    public static readonly TimeSpan SlicingAfter = TimeSpan.FromDays(1);

    /// <summary>Gets the options of a scheduled run: every enabled rule, from its watermark.</summary>
    public static AlertRunOptions Default { get; } = new();
}
