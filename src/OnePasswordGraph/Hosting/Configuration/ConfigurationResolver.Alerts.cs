using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Hosting.Configuration;

public static partial class ConfigurationResolver
{
    /// <summary>Resolves the <c>Alerts</c> section alone, for commands that read rule files without touching Neo4j.</summary>
    /// <exception cref="ConfigurationException">The section does not bind, or a value in it is invalid.</exception>
    public static AlertSettings ResolveAlerts(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var options = Bind<AlertsOptions>(configuration, "Alerts", problems);
        var alerts = options is null ? null : ResolveAlerts(options, problems);
        return problems.Count > 0 ? throw new ConfigurationException(problems) : alerts!;
    }

    private static AlertSettings ResolveAlerts(AlertsOptions options, List<string> problems)
    {
        TimeSpan? firstLookback = null;
        if (!string.IsNullOrWhiteSpace(options.FirstEvaluationLookback))
        {
            firstLookback = RuleDuration.TryParse(options.FirstEvaluationLookback, out var parsed) && parsed > TimeSpan.Zero ? parsed : null;
            if (firstLookback is null)
            {
                problems.Add($"Alerts:FirstEvaluationLookback '{options.FirstEvaluationLookback}' is not a duration; use hours or days such as 12h or 30d, or leave it unset for the whole history.");
            }
        }

        if (options.MaxEventsPerEvaluation is <= 0)
        {
            problems.Add($"Alerts:MaxEventsPerEvaluation {options.MaxEventsPerEvaluation} is not a positive number of events; leave it unset for {AlertRunOptions.DefaultMaxEventsPerEvaluation} or lower it (for example to 200000) when a long evaluation outlasts Neo4j:RequestTimeout.");
        }

        return new AlertSettings(
            options.Enabled,
            string.IsNullOrWhiteSpace(options.RulesPath) ? null : options.RulesPath,
            options.Rules.ToDictionary(r => r.Key, r => new RuleOverride(r.Value.Enabled, r.Value.Parameters), StringComparer.Ordinal),
            firstLookback,
            options.MaxEventsPerEvaluation ?? AlertRunOptions.DefaultMaxEventsPerEvaluation);
    }
}
