using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>
/// The one place where Neo4j statements are retried: every <see cref="RunAsync"/> goes through the Neo4j retry policy,
/// so the writer, the jobs and the rules take an <see cref="ICypherRunner"/> and never a retry beside it. Statements
/// are idempotent by construction (<c>MERGE</c> on keys, conditional lease updates), so a retried batch whose first
/// commit was lost changes nothing twice.
/// </summary>
public sealed class RetryingCypherRunner : ICypherRunner
{
    private readonly ICypherRunner _inner;
    private readonly TransientRetry _retry;

    public RetryingCypherRunner(ICypherRunner inner, TransientRetry retry)
    {
        _inner = inner;
        _retry = retry;
    }

    /// <summary>
    /// Asks the inner runner once: discovery failing means a wrong URL, wrong credentials or a stopped server, which
    /// a person must hear about at once rather than after the retry deadline.
    /// </summary>
    public Task<Neo4jServerInfo> GetServerInfoAsync(CancellationToken cancellationToken) => _inner.GetServerInfoAsync(cancellationToken);

    public Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken) =>
        _retry.ExecuteAsync(token => _inner.RunAsync(statements, token), cancellationToken);
}
