namespace OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

internal sealed record ServerError(string? Code, string? Message);
