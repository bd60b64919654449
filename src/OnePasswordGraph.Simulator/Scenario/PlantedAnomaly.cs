namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>An unusual pattern a scenario contains on purpose, for alert rules to find.</summary>
public sealed record PlantedAnomaly(string Kind, string Description, IReadOnlyList<string> EventUuids);
