using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class MfaChangedUserRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "mfa-changed-user";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_AdminDisablesAnotherMembersMfa_FlagsActorAndMember()
    {
        var graph = new RuleTestGraph(neo4j);
        var change = graph.Audit("owner", "disblmfa", "user", null, Now.AddMinutes(-10), objectUser: "bob", ip: "198.51.100.9");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(["owner", "bob"], finding.Flagged);
        Assert.Equal([change], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("owner@example.com changed the multi-factor authentication of bob@example.com (disblmfa) from 198.51.100.9", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-30), Now.AddMinutes(30)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_AccountWideMfaOrOtherChangesToAMember_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("owner", "disblmfa", "account", "ACCOUNTUUID", Now.AddMinutes(-10));
        graph.Audit("owner", "suspend", "user", null, Now.AddMinutes(-8), objectUser: "bob");
        graph.Audit("owner", "updatmfa", "user", null, Now.AddHours(-3), objectUser: "bob");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_OwnEnrolmentWithIgnoreSelfEnrollment_KeepsOnlyTheOwnDisable()
    {
        var graph = new RuleTestGraph(neo4j);
        var enable = graph.Audit("alice", "enblmfa", "user", null, Now.AddMinutes(-20), objectUser: "alice");
        var disable = graph.Audit("alice", "disblmfa", "user", null, Now.AddMinutes(-15), objectUser: "alice");
        await graph.WriteAsync();

        var everything = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        var quiet = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["ignoreSelfEnrollment"] = "true" }));

        Assert.Equal([enable, disable], everything.Evidence);
        Assert.Equal("alice@example.com changed their own multi-factor authentication (enblmfa, disblmfa) from an unknown IP", everything.Summary);
        Assert.Equal(["alice"], quiet.Flagged);
        Assert.Equal([disable], quiet.Evidence);
        Assert.Equal(everything.Fingerprint, quiet.Fingerprint);
    }
}
