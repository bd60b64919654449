namespace OnePasswordGraph.Resilience;

/// <summary>
/// Implemented by the typed exceptions of every remote system (Neo4j, the 1Password Events API, Connect) so that one
/// retry pipeline can decide what to retry without knowing any protocol. Each client classifies its own failures at
/// the edge; the pipeline only reads the verdict.
/// </summary>
public interface ITransientFailure
{
    /// <summary>Gets a value indicating whether sending the same request again may succeed.</summary>
    bool IsTransient { get; }

    /// <summary>Gets the delay the remote asked for (for example HTTP <c>Retry-After</c>), if it named one.</summary>
    TimeSpan? RetryAfter { get; }
}
