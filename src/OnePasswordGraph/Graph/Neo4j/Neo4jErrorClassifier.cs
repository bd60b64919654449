namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>
/// Decides, from Neo4j's status code alone, whether a failed statement may succeed when sent again. Message texts
/// are not stable across versions, so they are never parsed.
/// </summary>
public static class Neo4jErrorClassifier
{
    // Pre-5.0 servers classed these two as transient, but they mean an operator or a timeout killed the transaction;
    // the official drivers refuse to retry them, and 5.x servers already send them as client errors.
    private static readonly HashSet<string> KilledTransactionCodes = new(StringComparer.Ordinal)
    {
        "Neo.TransientError.Transaction.Terminated",
        "Neo.TransientError.Transaction.LockClientStopped",
    };

    // Client errors that only mean "this cluster member cannot take writes right now".
    private static readonly HashSet<string> RetryableClientCodes = new(StringComparer.Ordinal)
    {
        "Neo.ClientError.Cluster.NotALeader",
        "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
    };

    /// <summary>Classifies a status code such as <c>Neo.TransientError.Transaction.DeadlockDetected</c>.</summary>
    public static Neo4jErrorKind Classify(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return Neo4jErrorKind.Protocol;
        }

        if (KilledTransactionCodes.Contains(code))
        {
            return Neo4jErrorKind.Client;
        }

        if (RetryableClientCodes.Contains(code) || code.StartsWith("Neo.TransientError.", StringComparison.Ordinal))
        {
            return Neo4jErrorKind.Transient;
        }

        if (code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal))
        {
            return Neo4jErrorKind.Authentication;
        }

        if (string.Equals(code, "Neo.ClientError.Database.DatabaseNotFound", StringComparison.Ordinal))
        {
            return Neo4jErrorKind.DatabaseNotFound;
        }

        return code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal) ? Neo4jErrorKind.Database : Neo4jErrorKind.Client;
    }

    /// <summary>Classifies an HTTP status that came without a Neo4j error body (proxies, load balancers, gateways).</summary>
    public static Neo4jErrorKind ClassifyHttpStatus(int statusCode) => statusCode switch
    {
        401 or 403 => Neo4jErrorKind.Authentication,
        404 => Neo4jErrorKind.Protocol,
        408 or 429 or >= 500 => Neo4jErrorKind.Transient,
        _ => Neo4jErrorKind.Protocol,
    };
}
