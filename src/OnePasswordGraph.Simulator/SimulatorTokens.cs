namespace OnePasswordGraph.Simulator;

/// <summary>Tokens a simulated account accepts instead of minting its own (null: mint one), so a restart keeps them.</summary>
public sealed record SimulatorTokens(string? Events, string? Connect, string? UsersClientId = null, string? UsersClientSecret = null);
