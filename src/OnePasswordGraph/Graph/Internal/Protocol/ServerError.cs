namespace OnePasswordGraph.Graph.Internal.Protocol;

internal sealed record ServerError(string? Code, string? Message);
