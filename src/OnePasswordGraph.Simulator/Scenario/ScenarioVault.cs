namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>A vault as Connect serves it. <see cref="Type"/> is one of USER_CREATED, PERSONAL, EVERYONE, TRANSFER.</summary>
public sealed record ScenarioVault(
    string Id,
    string Name,
    string? Description,
    string Type,
    int AttributeVersion,
    int ContentVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
