using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

/// <summary>The export-burst rule: exports far above the user's own rate and above the floor (cases in <see cref="UsageBurstRuleTests"/>).</summary>
[Collection(Neo4jCollection.Name)]
public sealed class ExportBurstRuleTests(Neo4jServerFixture neo4j) : UsageBurstRuleTests(neo4j, "export-burst", "export", 10);
