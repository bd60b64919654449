using OnePasswordGraph.IntegrationTests.Graph.Jobs;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.QueryApi;

/// <summary>The account lease through the Query API double (chosen by the double's Aura-like discovery), over the same real Neo4j.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jAccountLeaseTestsThroughQueryApi(Neo4jServerFixture neo4j) : Neo4jAccountLeaseTests(neo4j.QueryApiByDiscovery);
