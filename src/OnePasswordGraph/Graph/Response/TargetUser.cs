namespace OnePasswordGraph.Graph.Response;

/// <summary>A user node a response may act on: its uuid, email (when known) and the account that synced it.</summary>
public sealed record TargetUser(string Uuid, string? Email, string? Account);
