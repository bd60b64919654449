namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>
/// An item with everything a real Connect server knows of it, secret values included: the simulator must hand
/// these out exactly as Connect would, so that tests can prove the integration never stores them.
/// </summary>
public sealed record ScenarioItem(
    string Id,
    string VaultId,
    string Title,
    string Category,
    IReadOnlyList<ScenarioUrl> Urls,
    IReadOnlyList<string> Tags,
    bool Favorite,
    int Version,
    string? State,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string LastEditedBy,
    IReadOnlyList<ScenarioSection> Sections,
    IReadOnlyList<ScenarioField> Fields,
    IReadOnlyList<ScenarioFile> Files);
