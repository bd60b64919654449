namespace OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

/// <summary>
/// The body of a Query API response (<c>/db/{database}/query/v2</c> and its <c>/tx</c> endpoints); unknown members
/// (counters, notifications, profile) are ignored.
/// </summary>
internal sealed record QueryResponse(QueryData? Data, IReadOnlyList<ServerError>? Errors, IReadOnlyList<string>? Bookmarks, QueryTransaction? Transaction);
