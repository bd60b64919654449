namespace OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

/// <summary>The open explicit transaction a Query API response names: its id and when it expires when left idle.</summary>
internal sealed record QueryTransaction(string? Id, string? Expires);
