namespace OnePasswordGraph.Rules.Internal;

/// <summary>Applies configuration overrides to loaded rules; an invalid override leaves its rule out of the set.</summary>
internal static class OverrideApplier
{
    public const string Source = "configuration";

    /// <param name="rules">The rules that loaded.</param>
    /// <param name="knownIds">Ids of every rule file, including broken ones (an override of a broken rule is not "unknown").</param>
    /// <param name="overrides">Configuration, by rule id.</param>
    /// <param name="problems">Receives the configuration problems.</param>
    public static List<AlertRule> Apply(
        IReadOnlyList<AlertRule> rules, IReadOnlySet<string> knownIds, IReadOnlyDictionary<string, RuleOverride>? overrides, List<RuleProblem> problems)
    {
        if (overrides is null || overrides.Count == 0)
        {
            return [.. rules];
        }

        foreach (var id in overrides.Keys.Where(id => !knownIds.Contains(id)).Order(StringComparer.Ordinal))
        {
            problems.Add(new RuleProblem(Source, $"Alerts:Rules:{id}: no rule has the id '{id}' (alerts list shows the rules)"));
        }

        var result = new List<AlertRule>();
        foreach (var rule in rules)
        {
            if (!overrides.TryGetValue(rule.Id, out var change))
            {
                result.Add(rule);
            }
            else if (Apply(rule, change, problems) is { } changed)
            {
                result.Add(changed);
            }
        }

        return result;
    }

    private static AlertRule? Apply(AlertRule rule, RuleOverride change, List<RuleProblem> problems)
    {
        var values = new Dictionary<string, object?>(rule.ParameterValues, StringComparer.Ordinal);
        var valid = true;
        foreach (var (name, text) in (change.Parameters ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var key = $"Alerts:Rules:{rule.Id}:Parameters:{name}";
            var parameter = rule.Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (parameter is null)
            {
                var known = rule.Parameters.Count == 0 ? "it has none" : "it has " + string.Join(", ", rule.Parameters.Select(p => p.Name));
                problems.Add(new RuleProblem(Source, $"{key}: rule '{rule.Id}' has no parameter '{name}' ({known}); the rule is not run until this is fixed"));
                valid = false;
            }
            else if (!ParameterConverter.TryConvert(text ?? string.Empty, parameter.Default, out var value, out var expected))
            {
                problems.Add(new RuleProblem(Source, $"{key}: '{text}' is not {expected} like the default {ParameterConverter.Format(parameter.Default)}; the rule is not run until this is fixed"));
                valid = false;
            }
            else
            {
                values[parameter.Name] = value;
            }
        }

        return valid ? rule with { Enabled = change.Enabled ?? rule.Enabled, ParameterValues = values } : null;
    }
}
