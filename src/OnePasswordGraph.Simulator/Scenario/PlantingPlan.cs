using OnePasswordGraph.Simulator.Events;

namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>What the planter adds to a scenario: the anomalies and near misses with their events, the history that
/// makes the baselines real, and the parameter values that reveal the watch-list rules.</summary>
internal sealed class PlantingPlan
{
    private readonly List<PlantedAnomaly> _anomalies = [];
    private readonly List<PlantedAnomaly> _nearMisses = [];
    private readonly List<SimulatedEvent> _events = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _parameters = new(StringComparer.Ordinal);

    public IReadOnlyList<PlantedAnomaly> Anomalies => _anomalies;

    public IReadOnlyList<PlantedAnomaly> NearMisses => _nearMisses;

    /// <summary>Gets every event the plan adds (anomalies, near misses and supporting history).</summary>
    public IReadOnlyList<SimulatedEvent> Events => _events;

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> RuleParameters => _parameters;

    /// <summary>Plants an example of <paramref name="ruleId"/> whose evidence is exactly <paramref name="evidence"/>.</summary>
    public void Anomaly(string ruleId, string description, IEnumerable<SimulatedEvent> evidence)
    {
        var events = evidence.ToList();
        _anomalies.Add(new PlantedAnomaly(ruleId, description, events.Select(e => e.Uuid).ToList()));
        _events.AddRange(events);
    }

    /// <summary>Plants a pattern that resembles <paramref name="ruleId"/>'s but must not trigger it.</summary>
    public void NearMiss(string ruleId, string description, IEnumerable<SimulatedEvent> events)
    {
        var list = events.ToList();
        _nearMisses.Add(new PlantedAnomaly(ruleId, description, list.Select(e => e.Uuid).ToList()));
        _events.AddRange(list);
    }

    /// <summary>Adds ordinary activity a pattern relies on (a baseline, the time before a gap); it is evidence of nothing.</summary>
    public void Support(IEnumerable<SimulatedEvent> events) => _events.AddRange(events);

    public void Parameter(string ruleId, string name, string value)
    {
        var values = _parameters.TryGetValue(ruleId, out var existing)
            ? new Dictionary<string, string>(existing, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        values[name] = value;
        _parameters[ruleId] = values;
    }
}
