using System.Globalization;
using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class SigninUnofficialClientRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string Rule = "signin-unofficial-client";

    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_SignInWithUnofficialClient_FlagsTheUserWithTheDaysAttempts()
    {
        var graph = new RuleTestGraph(neo4j);
        var failed = graph.SignIn("alice", "credentials_failed", "password_secret_bad", Now.AddHours(-3), ip: "192.0.2.7", appName: "opscripts-unofficial");
        var success = graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-10), ip: "192.0.2.7", appName: "opscripts-unofficial");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));

        Assert.Equal(["alice"], finding.Flagged);
        Assert.Equal([failed, success], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("alice|opscripts-unofficial|" + (Now.ToUnixTimeMilliseconds() / 86_400_000).ToString(CultureInfo.InvariantCulture), finding.DedupKey);
        Assert.Equal("alice@example.com signed in with 'opscripts-unofficial' 81000, not an official 1Password client: 2 attempts (1 successful) from 192.0.2.7", finding.Summary);

        // The earlier attempt alone, evaluated before the success arrived, is the same finding.
        var earlier = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-4), Now.AddHours(-2)));
        Assert.Equal(finding.Fingerprint, earlier.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_OfficialClients_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-30), appName: "1Password for Windows");
        graph.SignIn("alice", "credentials_failed", "password_secret_bad", Now.AddMinutes(-20), appName: "1Password CLI");
        graph.SignIn("bob", "success", "credentials_ok", Now.AddMinutes(-10), appName: "1Password SCIM Bridge");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_ClientAddedToTheOfficialList_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-10), appName: "opscripts-unofficial");
        await graph.WriteAsync();

        var overrides = new Dictionary<string, string> { ["officialClients"] = "1Password for Mac, opscripts-unofficial" };
        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now, overrides));
    }
}
