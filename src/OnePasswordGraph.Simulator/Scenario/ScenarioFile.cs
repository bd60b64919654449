namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>A file attached to an item. <see cref="Content"/> is secret (a canary in scenarios).</summary>
public sealed record ScenarioFile(string Id, string Name, string? SectionId, byte[] Content);
