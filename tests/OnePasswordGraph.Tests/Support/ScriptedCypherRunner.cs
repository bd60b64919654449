using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Neo4j;

namespace OnePasswordGraph.Tests.Support;

/// <summary>
/// An <see cref="ICypherRunner"/> that records statements and answers each call with the next scripted answer: a
/// <see cref="CypherResult"/> per statement, or an <see cref="Exception"/> to throw.
/// </summary>
internal sealed class ScriptedCypherRunner(params object[] answers) : ICypherRunner
{
    private readonly Queue<object> _answers = new(answers);

    public List<CypherStatement> Statements { get; } = [];

    public Task<Neo4jServerInfo> GetServerInfoAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new Neo4jServerInfo(Neo4jVersion.Parse("5.26.0"), "community", new Uri("http://127.0.0.1:7474/db/neo4j/tx/commit")));

    public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken)
    {
        Statements.AddRange(statements);
        var results = new List<CypherResult>();
        foreach (var _ in statements)
        {
            switch (_answers.Dequeue())
            {
                case Exception error:
                    return Task.FromException<IReadOnlyList<CypherResult>>(error);
                case CypherResult result:
                    results.Add(result);
                    break;
            }
        }

        return Task.FromResult<IReadOnlyList<CypherResult>>(results);
    }
}
