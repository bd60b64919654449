using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.IntegrationTests.Sync;

namespace OnePasswordGraph.IntegrationTests.QueryApi;

/// <summary>The event sync, exact to the scenario, through the Query API double (with Neo4j__Protocol=query), over the same real Neo4j.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class EventsSyncScenarioTestsThroughQueryApi(Neo4jServerFixture neo4j) : EventsSyncScenarioTests(neo4j.QueryApi);
