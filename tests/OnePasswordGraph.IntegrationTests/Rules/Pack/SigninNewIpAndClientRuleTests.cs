using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class SigninNewIpAndClientRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string Rule = "signin-new-ip-and-client";
    private const string HomeIp = "198.51.100.17";
    private const string HomeApp = "1Password for Mac";

    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_SuccessfulSignInFromNewIpWithNewClient_Flags()
    {
        var graph = new RuleTestGraph(neo4j);
        Home(graph, 5);
        var signIn = graph.SignIn("alice", "success", "mfa_ok", Now.AddMinutes(-10), ip: "203.0.113.250", country: "US", appName: "1Password CLI");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));

        Assert.Equal(["alice"], finding.Flagged);
        Assert.Equal([signIn], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal(
            "alice@example.com signed in from 203.0.113.250 (US) with 1Password CLI on MacOSX, both new for them (5 sign-ins in the last 30 days from 1 addresses with 1Password for Mac)",
            finding.Summary);
        var again = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddMinutes(-30), Now));
        Assert.Equal(finding.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_NewIpWithKnownClientOrKnownIpWithNewClient_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        Home(graph, 5);
        graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-20), ip: "203.0.113.250", appName: HomeApp);
        graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-10), ip: HomeIp, appName: "1Password CLI");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_TooLittleHistoryOrFailedAttempt_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        Home(graph, 4);
        graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-20), ip: "203.0.113.250", appName: "1Password CLI");
        graph.SignIns("bob", "success", "credentials_ok", Now.AddDays(-6), 5, TimeSpan.FromDays(1), ip: HomeIp, appName: HomeApp);
        graph.SignIn("bob", "credentials_failed", "password_secret_bad", Now.AddMinutes(-10), ip: "203.0.113.250", appName: "1Password CLI");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_BaselineSignInWithoutAnIp_StillFlags()
    {
        // A sign-in without an IP address makes no address familiar; it must not hide the new ones either (a null in
        // the list of known addresses once made "not in the list" unknown, and the finding was lost).
        var graph = new RuleTestGraph(neo4j);
        Home(graph, 5);
        graph.SignIn("alice", "success", "credentials_ok", Now.AddDays(-1), appName: HomeApp);
        var signIn = graph.SignIn("alice", "success", "mfa_ok", Now.AddMinutes(-10), ip: "203.0.113.250", appName: "1Password CLI");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));

        Assert.Equal([signIn], finding.Evidence);
        Assert.Contains("(6 sign-ins in the last 30 days from 1 addresses with 1Password for Mac)", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_LongWindow_FlagsAClientAgainOnlyAfterAGapLongerThanTheBaseline()
    {
        // A first evaluation over the history: each moment is judged by the client's previous moment, whether that is
        // inside the window or before it.
        var graph = new RuleTestGraph(neo4j);
        graph.SignIns("alice", "success", "credentials_ok", Now.AddDays(-80), 80, TimeSpan.FromDays(1), ip: HomeIp, appName: HomeApp);
        var first = graph.SignIn("alice", "success", "mfa_ok", Now.AddDays(-70).AddHours(3), ip: "203.0.113.250", appName: "1Password CLI");
        graph.SignIn("alice", "success", "mfa_ok", Now.AddDays(-60).AddHours(3), ip: "203.0.113.251", appName: "1Password CLI");
        var back = graph.SignIn("alice", "success", "mfa_ok", Now.AddDays(-10).AddHours(3), ip: "203.0.113.252", appName: "1Password CLI");
        await graph.WriteAsync();

        var history = await graph.EvaluateAsync(Rule, Now.AddDays(-100), Now);
        var between = await graph.EvaluateAsync(Rule, Now.AddDays(-65), Now.AddDays(-50));

        Assert.Equal([first, back], history.OrderBy(f => f.OccurredOn).Select(f => Assert.Single(f.Evidence)));
        Assert.Empty(between);
    }

    private static void Home(RuleTestGraph graph, int count) =>
        graph.SignIns("alice", "success", "credentials_ok", Now.AddDays(-count - 1), count, TimeSpan.FromDays(1), ip: HomeIp, country: "US", appName: HomeApp);
}
