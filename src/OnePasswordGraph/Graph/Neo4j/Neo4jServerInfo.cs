namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>What discovery found out about the server: its version and edition, and where statements go.</summary>
public sealed record Neo4jServerInfo(Neo4jVersion Version, string? Edition, Uri CommitEndpoint)
{
    /// <summary>Gets the HTTP API statements go through: <see cref="Neo4jProtocol.Transactional"/> or <see cref="Neo4jProtocol.Query"/>.</summary>
    public Neo4jProtocol Protocol { get; init; } = Neo4jProtocol.Transactional;

    /// <summary>Gets why that API was chosen, in words for the operator (for example "set by Neo4j__Protocol").</summary>
    public string? ProtocolReason { get; init; }

    /// <summary>Gets the protocol's name as the operator reads it.</summary>
    public string ProtocolName => Describe(Protocol);

    /// <summary>Names a protocol as the operator reads it.</summary>
    public static string Describe(Neo4jProtocol protocol) => protocol == Neo4jProtocol.Query ? "Query API" : "transactional endpoint";
}
