using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class SelfJoinedGroupRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "self-joined-group";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_ActorAddsThemselfToAGroup_FlagsActor()
    {
        var graph = new RuleTestGraph(neo4j);
        var join = graph.Audit("alice", "join", "gm", "admins", Now.AddMinutes(-10), auxUser: "alice", auxInfo: "A", ip: "203.0.113.30");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(["alice"], finding.Flagged);
        Assert.Equal([join], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("alice@example.com added themself to group admins as manager from 203.0.113.30", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-30), Now.AddMinutes(30)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_AddingSomeoneElseOrLeavingOneself_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("alice", "join", "gm", "admins", Now.AddMinutes(-10), auxUser: "bob", auxInfo: "R");
        graph.Audit("alice", "leave", "gm", "admins", Now.AddMinutes(-5), auxUser: "alice");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_RoleChangeByUuidOnlyAndCreatorJoiningNewGroup_FlagsOnlyTheRoleChange()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("alice", "create", "group", "newteam", Now.AddMinutes(-30));
        graph.Audit("alice", "join", "gm", "newteam", Now.AddMinutes(-29), auxUser: "alice", auxInfo: "A");
        var role = graph.AuditWithAux("alice", "role", "gm", "owners", Now.AddMinutes(-10), auxUuid: "alice", auxDetailsUser: null, auxInfo: "A");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal([role], finding.Evidence);
        Assert.Equal("alice@example.com added themself to group owners as manager from an unknown IP", finding.Summary);
    }
}
