namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>A section of an item.</summary>
public sealed record ScenarioSection(string Id, string? Label);
