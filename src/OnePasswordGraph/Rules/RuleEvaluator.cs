using OnePasswordGraph.Graph;
using OnePasswordGraph.Rules.Internal;

namespace OnePasswordGraph.Rules;

/// <summary>
/// Runs one rule's query and returns its rows as findings; stores nothing. Makes one attempt: retrying transient
/// Neo4j errors belongs to the <see cref="ICypherRunner"/> it is given.
/// </summary>
public sealed class RuleEvaluator
{
    private readonly ICypherRunner _runner;

    public RuleEvaluator(ICypherRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <summary>Evaluates <paramref name="rule"/> for <paramref name="account"/> over events from <paramref name="since"/> to <paramref name="now"/>.</summary>
    /// <exception cref="Graph.Neo4j.Neo4jException">Neo4j rejected or failed the query.</exception>
    /// <exception cref="RuleResultException">The query's rows do not follow the rule contract.</exception>
    public async Task<IReadOnlyList<Finding>> EvaluateAsync(AlertRule rule, string account, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrEmpty(account);
        var results = await _runner.RunAsync([RuleStatement.For(rule, account, since, now)], cancellationToken).ConfigureAwait(false);
        return FindingReader.Read(rule, account, results[0]);
    }
}
