namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>What discovery found out about the server: its version and edition, and where statements go.</summary>
public sealed record Neo4jServerInfo(Neo4jVersion Version, string? Edition, Uri CommitEndpoint);
