using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class PrivilegedVaultPermissionChangeRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "privileged-vault-permission-change";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_GrantOnWatchedVaultUuid_FlagsActorVaultAndGrantee()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("vprod", "Production");
        var grant = graph.Audit("owner", "grant", "uva", "vprod", Now.AddMinutes(-10), auxUser: "bob", auxInfo: "R");
        await graph.WriteAsync();
        var watch = new Dictionary<string, string> { ["privilegedVaults"] = "vprod, vother" };

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, watch));

        Assert.Equal(["owner", "vprod", "bob"], finding.Flagged);
        Assert.Equal([grant], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("owner@example.com changed the access of bob@example.com to privileged vault Production (grant)", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-30), Now.AddMinutes(30), watch));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_GroupRevokeOnVaultWatchedByName_FlagsActorAndVault()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("vprod", "Production");
        var revoke = graph.AuditWithAux("owner", "revoke", "gva", "vprod", Now.AddMinutes(-10), auxUuid: "engineering", auxDetailsUser: null);
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["privilegedVaults"] = "Production" }));

        Assert.Equal(["owner", "vprod"], finding.Flagged);
        Assert.Equal([revoke], finding.Evidence);
        Assert.Equal("owner@example.com changed the access of group engineering to privileged vault Production (revoke)", finding.Summary);
    }

    [Fact]
    public async Task Evaluate_DefaultEmptyWatchListOrUnwatchedVault_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("vprod", "Production").Vault("vteam", "Team");
        graph.Audit("owner", "grant", "uva", "vprod", Now.AddMinutes(-10), auxUser: "bob");
        graph.Audit("owner", "grant", "uva", "vteam", Now.AddMinutes(-5), auxUser: "bob");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["privilegedVaults"] = "vsecret, Secrets" }));
    }
}
