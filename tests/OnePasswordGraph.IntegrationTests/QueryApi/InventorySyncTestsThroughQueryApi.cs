using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.IntegrationTests.Sync;

namespace OnePasswordGraph.IntegrationTests.QueryApi;

/// <summary>The inventory sync through the Query API double (with Neo4j__Protocol=query), over the same real Neo4j.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class InventorySyncTestsThroughQueryApi(Neo4jServerFixture neo4j) : InventorySyncTests(neo4j.QueryApi);
