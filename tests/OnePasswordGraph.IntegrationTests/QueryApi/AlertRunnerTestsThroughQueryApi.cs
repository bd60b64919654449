using OnePasswordGraph.IntegrationTests.Rules;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.QueryApi;

/// <summary>The alert runs through the Query API double (chosen by the double's Aura-like discovery), over the same real Neo4j.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class AlertRunnerTestsThroughQueryApi(Neo4jServerFixture neo4j) : AlertRunnerTests(neo4j.QueryApiByDiscovery);
