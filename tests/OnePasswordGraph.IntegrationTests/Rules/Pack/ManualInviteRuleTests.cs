using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class ManualInviteRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "manual-invite";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;
    private static readonly Dictionary<string, string> Automated = new() { ["provisioningAutomated"] = "true" };

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_InviteByHandWhileProvisioningIsAutomated_FlagsInviter()
    {
        var graph = new RuleTestGraph(neo4j);
        var invite = graph.AuditWithAux("owner", "create", "invite", "invite1", Now.AddMinutes(-10), auxUuid: null, auxDetailsUser: null, auxInfo: "newhire@example.org");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, Automated));

        Assert.Equal(["owner"], finding.Flagged);
        Assert.Equal([invite], finding.Evidence);
        Assert.Equal(invite, finding.DedupKey);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("owner@example.com invited newhire@example.org by hand from an unknown IP", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-30), Now.AddMinutes(30), Automated));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_ProvisioningNotDeclaredAutomated_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("owner", "create", "invite", "invite1", Now.AddMinutes(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_InvitesByScimBridgeOrListedProvisioningActor_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.AuditWithAux("scimbridge", "create", "invite", "invite1", Now.AddMinutes(-20), null, null, "a@example.org", actorEmail: "provision-bot@1PasswordServiceAccounts.com");
        graph.AuditWithAux("okta", "create", "invite", "invite2", Now.AddMinutes(-15), null, null, "b@example.org", actorEmail: "okta-sync@example.com");
        graph.AuditWithAux("owner", "create", "vault", "vault1", Now.AddMinutes(-10), null, null);
        await graph.WriteAsync();
        var overrides = new Dictionary<string, string>(Automated) { ["provisioningActors"] = "okta-sync@example.com" };

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, overrides));
        Assert.Equal(["okta"], Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, Automated)).Flagged);
    }
}
