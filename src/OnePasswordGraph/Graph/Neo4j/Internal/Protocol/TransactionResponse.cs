namespace OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

/// <summary>The body of a transactional endpoint response; unknown members (notifications, bookmarks) are ignored.</summary>
internal sealed record TransactionResponse(IReadOnlyList<StatementResult>? Results, IReadOnlyList<ServerError>? Errors);
