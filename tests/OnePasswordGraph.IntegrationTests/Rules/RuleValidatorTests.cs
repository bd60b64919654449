using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.IntegrationTests.Rules;

[Collection(Neo4jCollection.Name)]
public sealed class RuleValidatorTests(Neo4jServerFixture neo4j)
{
    [Fact]
    public async Task ValidateAsync_QueryNeo4jRejects_ReportsTheRuleFileAndTheServerMessage()
    {
        var broken = TestRules.Broken();

        var problems = await new RuleValidator(neo4j.Runner).ValidateAsync([broken, TestRules.Export()], CancellationToken.None);

        var problem = Assert.Single(problems);
        Assert.Equal("test:broken-rule", problem.Source);
        Assert.StartsWith($"Neo4j {neo4j.Server.Version} rejects the query: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Neo.ClientError.Statement", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_SyntaxError_IsReported()
    {
        var typo = TestRules.Custom("typo-rule", "MATCH (e:one_password_item_usage_event WHERE e.account = $account RETURN e");

        var problems = await new RuleValidator(neo4j.Runner).ValidateAsync([typo], CancellationToken.None);

        Assert.Equal(["test:typo-rule"], problems.Select(p => p.Source));
    }

    [Fact]
    public async Task ValidateAsync_BuiltInPack_NeoAcceptsEveryRule()
    {
        var pack = RuleCatalog.LoadBuiltIn();

        var problems = await new RuleValidator(neo4j.Runner).ValidateAsync(pack.Rules, CancellationToken.None);

        Assert.Empty(pack.Problems);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task ValidateAsync_Explain_RunsNothing()
    {
        await neo4j.ResetAsync();
        var writer = TestRules.Custom("writer-rule", "CREATE (n:one_password_alert {_key: $account}) RETURN [] AS flagged, [] AS evidence, '' AS summary, $now AS occurredOn, '' AS dedupKey");

        var problems = await new RuleValidator(neo4j.Runner).ValidateAsync([writer], CancellationToken.None);

        Assert.Empty(problems);
        Assert.Equal(0, await neo4j.CountAsync("MATCH (n) RETURN count(n) AS c"));
    }
}
