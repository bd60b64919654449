namespace OnePasswordGraph.Simulator.Events;

/// <summary>An Events Reporting token the simulator accepts, and what it may read.</summary>
public sealed record SimulatedToken(
    string Token,
    IReadOnlyList<string> Features,
    string AccountUuid,
    string IntegrationUuid,
    DateTimeOffset IssuedAt,
    bool Revoked = false,
    DateTimeOffset? ExpiresAt = null);
