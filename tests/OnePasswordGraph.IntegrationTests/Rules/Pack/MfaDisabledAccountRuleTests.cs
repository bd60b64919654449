using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class MfaDisabledAccountRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "mfa-disabled-account";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_MfaAndDuoDisabledForTheAccount_FlagsActorAndAccountOnce()
    {
        var graph = new RuleTestGraph(neo4j);
        var mfa = graph.Audit("owner", "disblmfa", "account", "ACCOUNTUUID", Now.AddMinutes(-10), ip: "203.0.113.7", country: "CA");
        var duo = graph.Audit("owner", "disblduo", "account", "ACCOUNTUUID", Now.AddMinutes(-5), ip: "203.0.113.7", country: "CA");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(["owner", "acme"], finding.Flagged);
        Assert.Equal([mfa, duo], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-5), finding.OccurredOn);
        Assert.Equal("owner@example.com disabled multi-factor authentication for the whole account (disblmfa, disblduo) from 203.0.113.7 in CA", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-7), Now.AddMinutes(20)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_MfaDisabledForOneMemberOrEnabledForTheAccount_FindsNothing()
    {
        var other = new RuleTestGraph(neo4j, account: "other");
        other.Audit("owner", "disblmfa", "account", "OTHERACCOUNT", Now.AddMinutes(-10));
        await other.WriteAsync();
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("owner", "disblmfa", "user", null, Now.AddMinutes(-10), objectUser: "bob");
        graph.Audit("owner", "enblmfa", "account", "ACCOUNTUUID", Now.AddMinutes(-5));
        graph.Audit("owner", "disblmfa", "account", "ACCOUNTUUID", Now.AddHours(-2));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }
}
