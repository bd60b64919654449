using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class SsoConfigChangedRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "sso-config-changed";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_SsoChangesOnSsoObjectOrBySsoAction_FlagsActorAndAccountOnce()
    {
        var graph = new RuleTestGraph(neo4j);
        var provider = graph.Audit("owner", "chngpsso", "sso", "ssoconfig", Now.AddMinutes(-30), ip: "192.0.2.10", country: "US");

        // An action code the reference does not explain, on the SSO object, and an SSO action on another object.
        var unknown = graph.Audit("owner", "sdvcsso", "sso", "ssoconfig", Now.AddMinutes(-25), ip: "192.0.2.10", country: "US");
        var disabled = graph.Audit("owner", "disblsso", "account", "ACCOUNTUUID", Now.AddMinutes(-20), ip: "192.0.2.10", country: "US");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        Assert.Equal(["owner", "acme"], finding.Flagged);
        Assert.Equal([provider, unknown, disabled], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-20), finding.OccurredOn);
        Assert.Equal("owner@example.com changed the single sign-on configuration (chngpsso, sdvcsso, disblsso) from 192.0.2.10 in US", finding.Summary);
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-45), Now.AddMinutes(15)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_SsoTokenVerifiedOrMfaChanged_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("alice", "ssotknv", "ssotkn", "token1", Now.AddMinutes(-30));
        graph.Audit("owner", "enblmfa", "account", "ACCOUNTUUID", Now.AddMinutes(-20));
        graph.Audit("owner", "chngpsso", "sso", "ssoconfig", Now.AddHours(-2));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }
}
