using System.Globalization;
using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class SigninNewCountryRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string Rule = "signin-new-country";

    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_FirstSuccessfulSignInFromNewCountry_Flags()
    {
        var graph = new RuleTestGraph(neo4j);
        Home(graph, "alice", 5);
        var abroad = graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-10), ip: "192.0.2.200", country: "RU", appName: "1Password for Mac");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));

        Assert.Equal(["alice"], finding.Flagged);
        Assert.Equal([abroad], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-10), finding.OccurredOn);
        Assert.Equal("alice|RU|" + Day(Now), finding.DedupKey);
        Assert.Equal("alice@example.com signed in from RU, new for them (the last 30 days: US) with 1Password for Mac from 192.0.2.200", finding.Summary);
        var again = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddMinutes(-30), Now.AddMinutes(30)));
        Assert.Equal(finding.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_CountryAlreadyUsedInBaseline_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        Home(graph, "alice", 5);
        graph.SignIn("alice", "success", "credentials_ok", Now.AddDays(-10), country: "RU");
        graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-10), country: "RU");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_CountryOnlyUsedBeforeTheBaselineOrInFailures_Flags()
    {
        // Forty days ago is outside the 30-day baseline, and failed attempts never make a country familiar.
        var graph = new RuleTestGraph(neo4j);
        Home(graph, "alice", 5);
        graph.SignIn("alice", "success", "credentials_ok", Now.AddDays(-40), country: "RU");
        graph.SignIns("alice", "credentials_failed", "password_secret_bad", Now.AddHours(-5), 3, TimeSpan.FromMinutes(1), country: "RU");
        var abroad = graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-10), country: "RU");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
        Assert.Equal([abroad], finding.Evidence);
    }

    [Fact]
    public async Task Evaluate_SecondSignInFromTheNewCountry_FlagsOnlyTheFirst()
    {
        var graph = new RuleTestGraph(neo4j);
        Home(graph, "alice", 5);
        var first = graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-20), country: "RU");
        graph.SignIn("alice", "firewall_reported_success", "country_blocked", Now.AddMinutes(-10), country: "RU");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
        Assert.Equal([first], finding.Evidence);
    }

    [Fact]
    public async Task Evaluate_TooLittleHistory_FindsNothingUnlessTheMinimumIsLowered()
    {
        var graph = new RuleTestGraph(neo4j);
        Home(graph, "alice", 4);
        var abroad = graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-10), country: "RU");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now, new Dictionary<string, string> { ["minHistoryEvents"] = "4" }));
        Assert.Equal([abroad], finding.Evidence);
    }

    [Fact]
    public async Task Evaluate_FailedSignInFromNewCountry_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        Home(graph, "alice", 5);
        graph.SignIn("alice", "credentials_failed", "password_secret_bad", Now.AddMinutes(-10), country: "RU");
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_LongWindow_FlagsACountryAgainOnlyAfterAGapLongerThanTheBaseline()
    {
        // A first evaluation over the history: each moment is judged by the country's previous moment, whether that is
        // inside the window or before it.
        var graph = new RuleTestGraph(neo4j);
        graph.SignIns("alice", "success", "credentials_ok", Now.AddDays(-80), 80, TimeSpan.FromDays(1), country: "US");
        var first = graph.SignIn("alice", "success", "credentials_ok", Now.AddDays(-70).AddHours(3), country: "RU");
        graph.SignIn("alice", "success", "credentials_ok", Now.AddDays(-60).AddHours(3), country: "RU");
        var back = graph.SignIn("alice", "success", "credentials_ok", Now.AddDays(-10).AddHours(3), country: "RU");
        await graph.WriteAsync();

        var history = await graph.EvaluateAsync(Rule, Now.AddDays(-100), Now);
        var recent = await graph.EvaluateAsync(Rule, Now.AddDays(-20), Now);
        var between = await graph.EvaluateAsync(Rule, Now.AddDays(-65), Now.AddDays(-50));

        Assert.Equal([first, back], history.OrderBy(f => f.OccurredOn).Select(f => Assert.Single(f.Evidence)));
        Assert.Equal([back], Assert.Single(recent).Evidence);
        Assert.Empty(between);
    }

    [Fact]
    public async Task Evaluate_TwoUsersInTheWindow_JudgesEachByTheirOwnHistory()
    {
        var graph = new RuleTestGraph(neo4j);
        Home(graph, "alice", 5);
        Home(graph, "bob", 5);
        graph.SignIn("bob", "success", "credentials_ok", Now.AddDays(-3), country: "RU");
        graph.SignIn("bob", "success", "credentials_ok", Now.AddMinutes(-30), country: "RU");
        var abroad = graph.SignIn("alice", "success", "credentials_ok", Now.AddMinutes(-10), country: "RU");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));

        Assert.Equal(["alice"], finding.Flagged);
        Assert.Equal([abroad], finding.Evidence);
    }

    private static string Day(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() / 86_400_000).ToString(CultureInfo.InvariantCulture);

    private static void Home(RuleTestGraph graph, string user, int count) =>
        graph.SignIns(user, "success", "credentials_ok", Now.AddDays(-count - 1), count, TimeSpan.FromDays(1), ip: "198.51.100.17", country: "US");
}
