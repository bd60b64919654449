using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Neo4j;

namespace OnePasswordGraph.Tests.Support;

/// <summary>An <see cref="ICypherRunner"/> that records statements and answers each with the next scripted result.</summary>
internal sealed class ScriptedCypherRunner(params CypherResult[] results) : ICypherRunner
{
    private readonly Queue<CypherResult> _results = new(results);

    public List<CypherStatement> Statements { get; } = [];

    public Task<Neo4jServerInfo> GetServerInfoAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new Neo4jServerInfo(Neo4jVersion.Parse("5.26.0"), "community", new Uri("http://127.0.0.1:7474/db/neo4j/tx/commit")));

    public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        Statements.AddRange(statements);
        return Task.FromResult<IReadOnlyList<CypherResult>>([.. statements.Select(_ => _results.Dequeue())]);
    }
}
