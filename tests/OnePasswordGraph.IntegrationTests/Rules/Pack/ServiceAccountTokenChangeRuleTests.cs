using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class ServiceAccountTokenChangeRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "service-account-token-change";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_ServiceAccountCreatedAndTokenRenamedVerifiedRevoked_FlagsActorOnce()
    {
        var graph = new RuleTestGraph(neo4j);
        var created = graph.Audit("owner", "create", "sa", "SABOT", Now.AddMinutes(-40));
        var renamed = graph.Audit("owner", "trename", "satoken", "tok1", Now.AddMinutes(-35));
        var verified = graph.Audit("owner", "tverify", "satoken", "tok1", Now.AddMinutes(-34));
        var revoked = graph.Audit("owner", "trevoke", "satoken", "tok1", Now.AddMinutes(-5));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(["owner"], finding.Flagged);
        Assert.Equal([created, renamed, verified, revoked], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-5), finding.OccurredOn);
        Assert.Equal("owner@example.com changed service accounts or their tokens: create sa SABOT, trename satoken tok1, tverify satoken tok1, trevoke satoken tok1", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-50), Now.AddMinutes(10)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_CreationOfOtherObjectsOrTokenExpiry_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("owner", "create", "item", "item1", Now.AddMinutes(-30));
        graph.Audit("owner", "create", "vault", "vault1", Now.AddMinutes(-20));
        graph.Audit("owner", "create", "invite", "invite1", Now.AddMinutes(-15));

        // Expiry happens on its own at the end of the token's lifetime: nobody changed the token.
        graph.Audit("owner", "expire", "satoken", "tok1", Now.AddMinutes(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }
}
