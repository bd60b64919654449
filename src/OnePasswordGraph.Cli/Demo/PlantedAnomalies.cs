using OnePasswordGraph.Rules;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Cli.Demo;

/// <summary>Checks the rules against what a scenario planted: each planted anomaly must be found by its rule, with its events as evidence.</summary>
internal static class PlantedAnomalies
{
    /// <summary>Returns the planted anomalies no finding of their rule points at (through evidence or, for evidence-free findings, the rule alone).</summary>
    public static IReadOnlyList<PlantedAnomaly> Missed(IEnumerable<PlantedAnomaly> planted, IReadOnlyList<Finding> findings) =>
        [.. planted.Where(anomaly => !findings.Any(finding => Finds(finding, anomaly)))];

    /// <summary>Returns whether <paramref name="finding"/> is the planted <paramref name="anomaly"/>.</summary>
    public static bool Finds(Finding finding, PlantedAnomaly anomaly) =>
        string.Equals(finding.RuleId, anomaly.RuleId, StringComparison.Ordinal)
        && (finding.Evidence.Count == 0 || finding.Evidence.Intersect(anomaly.EventUuids, StringComparer.Ordinal).Any());
}
