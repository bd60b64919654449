using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

/// <summary>The reveal-burst rule: reveals far above the user's own rate and above the floor (cases in <see cref="UsageBurstRuleTests"/>).</summary>
[Collection(Neo4jCollection.Name)]
public sealed class RevealBurstRuleTests(Neo4jServerFixture neo4j) : UsageBurstRuleTests(neo4j, "reveal-burst", "reveal", 15);
