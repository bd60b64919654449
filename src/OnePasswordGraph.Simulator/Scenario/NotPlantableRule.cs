namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>A built-in alert rule no scenario event can trigger, and why (for example, it watches ingestion health).</summary>
public sealed record NotPlantableRule(string RuleId, string Reason);
