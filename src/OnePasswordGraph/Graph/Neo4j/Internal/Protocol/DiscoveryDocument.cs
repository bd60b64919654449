using System.Text.Json.Serialization;

namespace OnePasswordGraph.Graph.Neo4j.Internal.Protocol;

/// <summary>
/// The discovery document: <c>GET /</c> on 4.x and later (version, transaction and, from 5.19, Query API templates;
/// Aura offers only the Query API), or the 3.x REST root <c>GET /db/data/</c> (version and transaction URL). 3.x's
/// <c>GET /</c> carries only the <c>data</c> link.
/// </summary>
internal sealed record DiscoveryDocument(
    [property: JsonPropertyName("neo4j_version")] string? Neo4jVersion,
    [property: JsonPropertyName("neo4j_edition")] string? Neo4jEdition,
    string? Transaction,
    string? Data,
    string? Query);
