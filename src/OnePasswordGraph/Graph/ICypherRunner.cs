using OnePasswordGraph.Graph.Neo4j;

namespace OnePasswordGraph.Graph;

/// <summary>
/// The one seam between OnePasswordGraph and Neo4j. The shipped implementation speaks Neo4j's HTTP API (the .NET
/// driver is not available where this project is built); a Bolt implementation can take its place without touching
/// the writer, the schema or the sync.
/// </summary>
public interface ICypherRunner
{
    /// <summary>Finds the server's version and the endpoint statements go to. Cached after the first success.</summary>
    /// <exception cref="Neo4jException">The server is unreachable, rejects the credentials, lacks the database, or is of a version OnePasswordGraph does not support.</exception>
    Task<Neo4jServerInfo> GetServerInfoAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="statements"/> in order in one transaction that commits when all succeed and leaves nothing
    /// behind when any fails. Makes one attempt: retrying transient failures is the caller's choice
    /// (<see cref="Resilience.TransientRetry"/>).
    /// </summary>
    /// <exception cref="Neo4jException">The server reported an error; <see cref="Neo4jException.IsTransient"/> tells whether a retry may succeed.</exception>
    Task<IReadOnlyList<CypherResult>> RunAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken);
}
