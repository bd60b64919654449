using OnePasswordGraph.Simulator.Events;

namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>The events of a scenario in insertion order (late arrivals sit after newer events), and what was planted.</summary>
public sealed record ScenarioActivity(IReadOnlyList<SimulatedEvent> Events, IReadOnlyList<PlantedAnomaly> Anomalies)
{
    /// <summary>Gets the number of events per stream.</summary>
    public IReadOnlyDictionary<string, int> CountsByFeature => Events.GroupBy(e => e.Feature).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
