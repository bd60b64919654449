using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class UsedAfterVaultAccessRevokedRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "used-after-vault-access-revoked";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_UseAfterRevocation_FlagsUserVaultAndItem()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Engineering").Secret("s1", "v1", "Prod DB");
        graph.Usage("bob", "s1", "v1", "fill", Now.AddDays(-3));
        var revoke = graph.Audit("admin", "revoke", "uva", "v1", Now.AddHours(-2), auxUser: "bob");
        var fill = graph.Usage("bob", "s1", "v1", "fill", Now.AddMinutes(-30));
        await graph.WriteAsync();

        var findings = await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now);

        var finding = Assert.Single(findings);
        Assert.Equal(["bob", "v1", "s1"], finding.Flagged);
        Assert.Equal([revoke, fill], finding.Evidence);
        Assert.Equal($"bob|v1|{revoke}", finding.DedupKey);
        Assert.Equal(Now.AddMinutes(-30), finding.OccurredOn);
        Assert.Equal("bob@example.com made 1 use(s) of 1 item(s) in vault Engineering, the first use 90 minutes after admin@example.com revoked their access", finding.Summary);

        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-6), Now.AddMinutes(5)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_TwoUsersOfTheVault_FlagsOnlyTheOneRevoked()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1");
        graph.Audit("admin", "grant", "uva", "v1", Now.AddHours(-3), auxUser: "carol", auxInfo: "R");
        graph.Audit("admin", "revoke", "uva", "v1", Now.AddHours(-2), auxUser: "bob");
        graph.Usage("carol", "s1", "v1", "fill", Now.AddMinutes(-40));
        var fill = graph.Usage("bob", "s1", "v1", "fill", Now.AddMinutes(-30));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(["bob", "v1", "s1"], finding.Flagged);
        Assert.Equal(fill, finding.Evidence[^1]);
    }

    [Fact]
    public async Task Evaluate_UseBeforeRevocation_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1");
        graph.Usage("bob", "s1", "v1", "fill", Now.AddMinutes(-30));
        graph.Audit("admin", "revoke", "uva", "v1", Now.AddMinutes(-10), auxUser: "bob");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_RevocationOfSomeoneElseOrOfAnotherVault_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1").Vault("v2");
        graph.Audit("admin", "revoke", "uva", "v1", Now.AddHours(-2), auxUser: "carol");
        graph.Audit("admin", "revoke", "uva", "v2", Now.AddHours(-2), auxUser: "bob");
        graph.Usage("bob", "s1", "v1", "fill", Now.AddMinutes(-30));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_AccessGrantedAgainBeforeTheUse_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1");
        graph.Audit("admin", "revoke", "uva", "v1", Now.AddHours(-3), auxUser: "bob");
        graph.Audit("admin", "grant", "uva", "v1", Now.AddHours(-2), auxUser: "bob", auxInfo: "R");
        graph.Usage("bob", "s1", "v1", "fill", Now.AddMinutes(-30));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_AccessGrantedAgainOnlyAfterTheUse_StillFlags()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1");
        var revoke = graph.Audit("admin", "revoke", "uva", "v1", Now.AddHours(-3), auxUser: "bob");
        var reveal = graph.Usage("bob", "s1", "v1", "reveal", Now.AddMinutes(-40));
        graph.Audit("admin", "grant", "uva", "v1", Now.AddMinutes(-20), auxUser: "bob", auxInfo: "R");
        graph.Usage("bob", "s1", "v1", "reveal", Now.AddMinutes(-10));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.Equal([revoke, reveal], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-40), finding.OccurredOn);
    }
}
