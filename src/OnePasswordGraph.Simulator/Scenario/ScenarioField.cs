namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>A field of an item. <see cref="Value"/> and <see cref="Totp"/> are secrets (canary values in scenarios).</summary>
public sealed record ScenarioField(
    string Id,
    string? SectionId,
    string Type,
    string Purpose,
    string Label,
    string Value,
    string? Totp,
    double? Entropy);
