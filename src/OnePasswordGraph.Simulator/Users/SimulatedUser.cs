namespace OnePasswordGraph.Simulator.Users;

/// <summary>A person as the simulated Users API serves them, with the roles that decide its refusals.</summary>
public sealed record SimulatedUser(string Id, string Email, string DisplayName, string State, DateTimeOffset CreateTime, bool IsOwner, bool IsExternallyManagedAdmin);
