using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class PrivilegedGroupAdditionRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "privileged-group-addition";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;
    private static readonly Dictionary<string, string> Watch = new() { ["privilegedGroups"] = "gadmins" };

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_MemberAddedToWatchedGroup_FlagsActorAndMember()
    {
        var graph = new RuleTestGraph(neo4j);
        var join = graph.Audit("owner", "join", "gm", "gadmins", Now.AddMinutes(-10), auxUser: "bob", auxInfo: "R");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, Watch));

        Assert.Equal(["owner", "bob"], finding.Flagged);
        Assert.Equal([join], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("owner@example.com added bob@example.com to privileged group gadmins as member", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-30), Now.AddMinutes(30), Watch));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_EmptyWatchListOtherGroupOrLeaving_FlagsOnlyTheWatchedJoin()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("owner", "join", "gm", "gadmins", Now.AddMinutes(-20), auxUser: "bob", auxInfo: "R");
        graph.Audit("owner", "join", "gm", "gteam", Now.AddMinutes(-10), auxUser: "carol", auxInfo: "R");
        graph.Audit("owner", "leave", "gm", "gadmins", Now.AddMinutes(-5), auxUser: "dave");
        await graph.WriteAsync();

        var unwatched = await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now);
        var watched = await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, Watch);

        Assert.Empty(unwatched);
        Assert.Equal(["owner", "bob"], Assert.Single(watched).Flagged);
    }

    [Fact]
    public async Task Evaluate_PromotionToManagerOfWatchedGroup_FlagsIt()
    {
        var graph = new RuleTestGraph(neo4j);
        var role = graph.Audit("owner", "role", "gm", "gadmins", Now.AddMinutes(-10), auxUser: "bob", auxInfo: "A");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, Watch));

        Assert.Equal([role], finding.Evidence);
        Assert.Equal("owner@example.com added bob@example.com to privileged group gadmins as manager", finding.Summary);
    }
}
