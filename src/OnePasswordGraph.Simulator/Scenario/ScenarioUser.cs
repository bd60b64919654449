namespace OnePasswordGraph.Simulator.Scenario;

/// <summary>A person of the simulated account, with the places and clients they normally use.</summary>
public sealed record ScenarioUser(
    string Uuid,
    string Name,
    string Email,
    bool IsAdmin,
    ScenarioPlace HomePlace,
    IReadOnlyList<ScenarioClient> Clients);
