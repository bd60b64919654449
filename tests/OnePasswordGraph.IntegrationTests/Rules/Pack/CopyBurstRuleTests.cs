using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

/// <summary>The copy-burst rule: secure copies far above the user's own rate and above the floor (cases in <see cref="UsageBurstRuleTests"/>).</summary>
[Collection(Neo4jCollection.Name)]
public sealed class CopyBurstRuleTests(Neo4jServerFixture neo4j) : UsageBurstRuleTests(neo4j, "copy-burst", "secure-copy", 15);
