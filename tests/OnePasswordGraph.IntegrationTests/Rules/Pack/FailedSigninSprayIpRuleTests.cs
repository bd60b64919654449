using System.Globalization;
using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class FailedSigninSprayIpRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string Rule = "failed-signin-spray-ip";
    private const string Sprayer = "203.0.113.202";

    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_FailuresForTenUsersFromOneAddress_FlagsTheTargets()
    {
        var graph = new RuleTestGraph(neo4j);
        var failures = Spray(graph, 10);
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));

        Assert.Equal(Users(10), finding.Flagged);
        Assert.Equal(failures, finding.Evidence);
        Assert.Equal(Sprayer + "|" + Ms(Now.AddHours(-1)), finding.DedupKey);
        Assert.StartsWith(Sprayer + " (NG) failed to sign in as 10 different users (10 failures, 0 other attempts) within 60 minutes; targets: user-00@example.com, ", finding.Summary, StringComparison.Ordinal);
        var again = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddMinutes(-18), Now.AddMinutes(30)));
        Assert.Equal(finding.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_NineUsersEvenWithManyFailures_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        Spray(graph, 9);
        graph.SignIns("user-00", "credentials_failed", "password_secret_bad", Now.AddMinutes(-10), 20, TimeSpan.FromSeconds(5), ip: Sprayer);
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_OfficeAddressWhereSuccessesOutnumberFailures_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        Spray(graph, 10);
        // Eleven successes among the failures, as colleagues sign in through the same NAT.
        foreach (var (user, i) in Users(11).Select((user, i) => (user, i)))
        {
            graph.SignIn(user, "success", "credentials_ok", Now.AddMinutes(-20).AddSeconds((20 * i) + 10), ip: Sprayer);
        }

        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
        var overrides = new Dictionary<string, string> { ["minFailureShare"] = "0.4" };
        Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now, overrides));
    }

    [Fact]
    public async Task Evaluate_TargetSignsInAfterTheSpray_FlagsThemFirst()
    {
        var graph = new RuleTestGraph(neo4j);
        var failures = Spray(graph, 10);
        var taken = graph.SignIn("user-07", "success", "credentials_ok", Now.AddMinutes(-5), ip: Sprayer);
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));

        Assert.Equal(["user-07", .. Users(10).Where(u => u != "user-07")], finding.Flagged);
        Assert.Equal([taken, .. failures], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-5), finding.OccurredOn);
        Assert.Contains("(10 failures, 1 other attempts) within 60 minutes; then signed in successfully as user-07@example.com; targets: ", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_SprayAcrossWindowEdge_FlagsOnceOnTheShiftedWindow()
    {
        // Five targets before 12:00 and five after: neither fixed window has ten users, the one from 11:30 has.
        var graph = new RuleTestGraph(neo4j);
        var failures = Users(10).Select((user, i) => graph.SignIn(user, "credentials_failed", "password_secret_bad", Now.AddSeconds((20 * i) - 90), ip: Sprayer)).ToList();
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now.AddHours(1)));

        Assert.Equal(failures, finding.Evidence);
        Assert.Equal(Sprayer + "|" + Ms(Now.AddMinutes(-30)), finding.DedupKey);
    }

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static List<string> Users(int count) => [.. Enumerable.Range(0, count).Select(i => $"user-{i:D2}")];

    // One guess per user, twenty seconds apart.
    private static List<string> Spray(RuleTestGraph graph, int users) =>
        [.. Users(users).Select((user, i) => graph.SignIn(user, "credentials_failed", "password_secret_bad", Now.AddMinutes(-20).AddSeconds(20 * i), ip: Sprayer, country: "NG", appName: "1Password for Web"))];
}
