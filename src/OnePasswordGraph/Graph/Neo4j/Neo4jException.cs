using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>A failure reported by, or on the way to, Neo4j. The message says what to check; it never holds the password.</summary>
public sealed class Neo4jException : OnePasswordGraphException, ITransientFailure
{
    public Neo4jException(Neo4jErrorKind kind, string message, string? code = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Code = code;
    }

    /// <summary>Gets what kind of failure this is.</summary>
    public Neo4jErrorKind Kind { get; }

    /// <summary>Gets Neo4j's status code (for example <c>Neo.TransientError.Transaction.DeadlockDetected</c>), when the server sent one.</summary>
    public string? Code { get; }

    /// <inheritdoc/>
    public bool IsTransient => Kind is Neo4jErrorKind.Transient or Neo4jErrorKind.Unreachable;

    /// <inheritdoc/>
    public TimeSpan? RetryAfter => null;
}
