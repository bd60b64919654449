namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>Which of Neo4j's HTTP APIs statements go through (<c>Neo4j__Protocol</c>).</summary>
public enum Neo4jProtocol
{
    /// <summary>Decided from the server's discovery document: the transactional endpoint when it offers one, else the Query API.</summary>
    Auto,

    /// <summary>The transactional Cypher endpoint (<c>/db/data/transaction</c> on 3.x, <c>/db/{database}/tx</c> on 4.x to 2025.x).</summary>
    Transactional,

    /// <summary>The Query API (<c>/db/{database}/query/v2</c>): Aura, and self-managed 5.19 and later.</summary>
    Query,
}
