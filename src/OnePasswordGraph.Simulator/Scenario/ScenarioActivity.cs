using OnePasswordGraph.Simulator.Events;

namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>The events of a scenario in insertion order (late arrivals sit after newer events), and what was planted.</summary>
public sealed record ScenarioActivity(IReadOnlyList<SimulatedEvent> Events, IReadOnlyList<PlantedAnomaly> Anomalies)
{
    /// <summary>Gets the number of events per stream.</summary>
    public IReadOnlyDictionary<string, int> CountsByFeature => Events.GroupBy(e => e.Feature).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>
    /// Gets patterns planted next to the anomalies that look like a rule's but must not trigger it (a suspended user
    /// reactivated before signing in, access revoked and granted again before use): <see cref="PlantedAnomaly.RuleId"/>
    /// names the rule that must stay silent.
    /// </summary>
    public IReadOnlyList<PlantedAnomaly> NearMisses { get; init; } = [];

    /// <summary>Gets the built-in rules that no event can trigger, with the reason; every other built-in rule is planted.</summary>
    public IReadOnlyList<NotPlantableRule> NotPlantable { get; init; } = [];

    /// <summary>
    /// Gets the parameter values (rule id, then parameter name, then the value as configuration would spell it) a
    /// consumer must set to see the planted example of a rule that is silent by default (watch-lists, tag lists,
    /// "provisioning is automated"). Rules not listed need no override.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> RuleParameters { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>Gets when the earliest event happened (a backfill must start before it), or null when there are none.</summary>
    public DateTimeOffset? EarliestTimestamp => Events.Count == 0 ? null : Events.Min(e => e.Timestamp);
}
