using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class SelfGrantedVaultAccessRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "self-granted-vault-access";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_ActorGrantsThemselfAVault_FlagsActorAndVault()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Finance");
        var grant = graph.Audit("alice", "grant", "uva", "v1", Now.AddMinutes(-10), auxUser: "alice", auxInfo: "R", ip: "203.0.113.20");
        var update = graph.Audit("alice", "update", "uva", "v1", Now.AddMinutes(-9), auxUser: "alice", auxInfo: "RW", ip: "203.0.113.20");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(["alice", "v1"], finding.Flagged);
        Assert.Equal([grant, update], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-9), finding.OccurredOn);
        Assert.Equal("alice@example.com granted themself access to vault Finance (grant, update) from 203.0.113.20", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-30), Now.AddMinutes(30)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_GrantToSomeoneElseOrRevokeOfOwnAccess_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Finance");
        graph.Audit("alice", "grant", "uva", "v1", Now.AddMinutes(-10), auxUser: "bob", auxInfo: "R");
        graph.Audit("alice", "revoke", "uva", "v1", Now.AddMinutes(-8), auxUser: "alice");
        graph.Audit("alice", "grant", "gva", "v1", Now.AddMinutes(-6), auxUser: "alice");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Evaluate_AuxUserNamedOnlyByUuidOrOnlyByDetails_FlagsTheSelfGrant(bool auxUuid, bool auxDetails)
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1", "Finance");
        var grant = graph.AuditWithAux("alice", "grant", "uva", "v1", Now.AddMinutes(-10), auxUuid ? "alice" : null, auxDetails ? "alice" : null);
        graph.AuditWithAux("alice", "grant", "uva", "v1", Now.AddMinutes(-5), auxUuid ? "bob" : null, auxDetails ? "bob" : null);
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(["alice", "v1"], finding.Flagged);
        Assert.Equal([grant], finding.Evidence);
    }

    [Fact]
    public async Task Evaluate_CreatorsAccessToTheirNewVault_FlagsOnlyTheVaultSomeoneElseCreated()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("own", "Alice's new vault").Vault("bobs", "Bob's vault");
        graph.Audit("alice", "create", "vault", "own", Now.AddMinutes(-20));
        var ownGrant = graph.Audit("alice", "grant", "uva", "own", Now.AddMinutes(-19), auxUser: "alice");
        graph.Audit("bob", "create", "vault", "bobs", Now.AddMinutes(-20));
        var taken = graph.Audit("alice", "grant", "uva", "bobs", Now.AddMinutes(-18), auxUser: "alice");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        var withoutGrace = await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["newVaultGraceMinutes"] = "0" });

        Assert.Equal(["alice", "bobs"], finding.Flagged);
        Assert.Equal([taken], finding.Evidence);
        var ordered = withoutGrace.OrderBy(f => f.OccurredOn).ToList();
        Assert.Equal(2, ordered.Count);
        Assert.Equal([ownGrant], ordered[0].Evidence);
        Assert.Equal([taken], ordered[1].Evidence);
    }
}
