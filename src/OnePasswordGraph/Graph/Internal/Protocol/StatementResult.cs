namespace OnePasswordGraph.Graph.Internal.Protocol;

internal sealed record StatementResult(IReadOnlyList<string>? Columns, IReadOnlyList<ResultRow>? Data);
