using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Rules.Internal;

namespace OnePasswordGraph.Rules;

/// <summary>
/// The check only Neo4j can make: runs <c>EXPLAIN</c> of each rule's query with its parameters (planned, never
/// executed) and reports Cypher the server rejects, with the server's message. Pair it with the pure checks of
/// <see cref="RuleCatalog"/>.
/// </summary>
public sealed class RuleValidator
{
    /// <summary>What a rule's query is sent behind when it is validated.</summary>
    internal const string ExplainPrefix = "EXPLAIN ";

    private readonly ICypherRunner _runner;

    public RuleValidator(ICypherRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <summary>Explains every rule of <paramref name="rules"/>, enabled or not, and returns a problem per rejected query.</summary>
    /// <exception cref="Neo4jException">Neo4j could not be reached or failed for a reason other than the query (the rules were not checked).</exception>
    public async Task<IReadOnlyList<RuleProblem>> ValidateAsync(IEnumerable<AlertRule> rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var server = await _runner.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        var problems = new List<RuleProblem>();
        foreach (var rule in rules)
        {
            // Parameter values do not matter to the planner; the epoch keeps the statement free of the clock.
            var statement = RuleStatement.For(rule, "validate", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, ExplainPrefix);
            try
            {
                await _runner.RunAsync([statement], cancellationToken).ConfigureAwait(false);
            }
            catch (Neo4jException error) when (error.Kind == Neo4jErrorKind.Client)
            {
                problems.Add(new RuleProblem(rule.Source, $"Neo4j {server.Version} rejects the query: {error.Message}"));
            }
        }

        return problems;
    }
}
