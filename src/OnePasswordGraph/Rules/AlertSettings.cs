namespace OnePasswordGraph.Rules;

/// <summary>
/// Resolved alert settings: whether rules run after each sync, the user's rule directory, per-rule overrides, and how
/// far back a rule's first evaluation for an account reaches (null: the whole history), and the most events one
/// statement of a long evaluation reads.
/// </summary>
public sealed record AlertSettings(
    bool Enabled,
    string? RulesPath,
    IReadOnlyDictionary<string, RuleOverride> Overrides,
    TimeSpan? FirstEvaluationLookback = null,
    long MaxEventsPerEvaluation = AlertRunOptions.DefaultMaxEventsPerEvaluation)
{
    /// <summary>Gets the defaults: the built-in pack, run after each sync, as shipped.</summary>
    public static AlertSettings Default { get; } = new(true, null, new Dictionary<string, RuleOverride>(StringComparer.Ordinal));

    /// <summary>Gets <paramref name="options"/> with the settings that bound every run's long windows applied.</summary>
    public AlertRunOptions Bound(AlertRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with { FirstEvaluationLookback = FirstEvaluationLookback, MaxEventsPerEvaluation = MaxEventsPerEvaluation };
    }

    /// <summary>Loads the built-in pack and the user's directory with the overrides applied.</summary>
    public RuleSet LoadRules() => RuleCatalog.Load(RulesPath, Overrides);
}
