namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>What went wrong when talking to Neo4j, in terms of what the operator should do about it.</summary>
public enum Neo4jErrorKind
{
    /// <summary>A temporary condition (deadlock, lock timeout, unavailable database, cluster churn, a flaky network): retry.</summary>
    Transient,

    /// <summary>The request was wrong (syntax, types, constraint violation). Retrying cannot help.</summary>
    Client,

    /// <summary>The server failed while running the statement.</summary>
    Database,

    /// <summary>No server answered at the configured URL.</summary>
    Unreachable,

    /// <summary>The server rejected the credentials, or wants the initial password changed.</summary>
    Authentication,

    /// <summary>The configured database does not exist on the server.</summary>
    DatabaseNotFound,

    /// <summary>The server's version is one OnePasswordGraph does not support.</summary>
    UnsupportedVersion,

    /// <summary>The server answered with something that is not Neo4j's HTTP API.</summary>
    Protocol,
}
