namespace OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

internal sealed record StatementResult(IReadOnlyList<string>? Columns, IReadOnlyList<ResultRow>? Data);
