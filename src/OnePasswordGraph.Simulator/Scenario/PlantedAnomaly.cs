namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// An unusual pattern a scenario contains on purpose: <see cref="RuleId"/> is the id of the built-in alert rule it
/// should trigger (for a near miss, the rule it must not trigger), <see cref="Description"/> names the people, vaults
/// and items involved, and <see cref="EventUuids"/> are every event of the pattern (its evidence).
/// </summary>
public sealed record PlantedAnomaly(string RuleId, string Description, IReadOnlyList<string> EventUuids);
