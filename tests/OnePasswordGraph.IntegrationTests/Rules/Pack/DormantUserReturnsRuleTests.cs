using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class DormantUserReturnsRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "dormant-user-returns";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_FirstActivityAfterFortySevenDays_FlagsUserWithTheReturn()
    {
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "dave", 3);
        var signIn = graph.SignIn("dave", "success", "credentials_ok", Now.AddMinutes(-30));
        var fill = graph.Usage("dave", "s1", "v1", "fill", Now.AddMinutes(-25));
        await graph.WriteAsync();

        var findings = await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now);

        var finding = Assert.Single(findings);
        Assert.Equal(["dave"], finding.Flagged);
        Assert.Equal([signIn, fill], finding.Evidence);
        Assert.Equal($"dave|{Now.AddMinutes(-30).ToUnixTimeMilliseconds()}", finding.DedupKey);
        Assert.Equal(Now.AddMinutes(-30), finding.OccurredOn);
        Assert.Equal("dave@example.com is active again after 47 days without activity: 1 sign-in(s), 1 item usage(s), 0 admin action(s)", finding.Summary);

        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-2), Now.AddMinutes(1)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_WindowLongerThanTheDormancy_FindsTheReturnAfterEarlierActivityInTheWindow()
    {
        // An evaluation after a long outage: the window holds the old activity, the gap and the return.
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "dave", 3);
        var signIn = graph.SignIn("dave", "success", "credentials_ok", Now.AddMinutes(-30));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddDays(-60), Now));
        Assert.Equal([signIn], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-30), finding.OccurredOn);
    }

    [Fact]
    public async Task Evaluate_HistoryOnBothSidesOfTheWindowStart_CountsAllOfItTowardsTheMinimum()
    {
        // Two activities before a 60-day window and one in it, then the gap: the return is the fourth activity.
        var graph = new RuleTestGraph(neo4j);
        graph.SignIn("dave", "success", "credentials_ok", Now.AddDays(-70));
        graph.Usage("dave", "s1", "v1", "fill", Now.AddDays(-69));
        graph.Usage("dave", "s1", "v1", "fill", Now.AddDays(-55));
        var signIn = graph.SignIn("dave", "success", "credentials_ok", Now.AddMinutes(-30));
        graph.SignIn("erin", "success", "credentials_ok", Now.AddDays(-69));
        graph.Usage("erin", "s1", "v1", "fill", Now.AddDays(-55));
        graph.SignIn("erin", "success", "credentials_ok", Now.AddMinutes(-20));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddDays(-60), Now));
        Assert.Equal(["dave"], finding.Flagged);
        Assert.Equal([signIn], finding.Evidence);
        Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddDays(-60), Now, new Dictionary<string, string> { ["minHistoryEvents"] = "2" }), f => f.Flagged.SequenceEqual(["erin"]));
    }

    [Fact]
    public async Task Evaluate_FirstEvaluationOverTheWholeHistory_FindsTheReturnOfAUserWithEnoughHistory()
    {
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "dave", 3);
        var signIn = graph.SignIn("dave", "success", "credentials_ok", Now.AddMinutes(-30));
        OldHistory(graph, "newbie", 2);
        graph.SignIn("newbie", "success", "credentials_ok", Now.AddMinutes(-20));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, DateTimeOffset.UnixEpoch, Now));
        Assert.Equal(["dave"], finding.Flagged);
        Assert.Equal([signIn], finding.Evidence);
        Assert.Equal("dave@example.com is active again after 47 days without activity: 1 sign-in(s), 0 item usage(s), 0 admin action(s)", finding.Summary);
        Assert.Equal(finding.Fingerprint, Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now)).Fingerprint);
    }

    [Fact]
    public async Task Evaluate_UserActiveTenDaysAgo_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "dave", 3);
        graph.Usage("dave", "s1", "v1", "fill", Now.AddDays(-10));
        graph.SignIn("dave", "success", "credentials_ok", Now.AddMinutes(-30));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_TooLittleHistory_FlagsOnlyWithALowerMinimum()
    {
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "dave", 2);
        graph.SignIn("dave", "success", "credentials_ok", Now.AddMinutes(-30));
        graph.SignIn("newbie", "success", "credentials_ok", Now.AddMinutes(-20));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["minHistoryEvents"] = "2" }));
        Assert.Equal(["dave"], finding.Flagged);
    }

    [Fact]
    public async Task Evaluate_FailedSignInsNeitherWakeNorKeepAwake_FlagsOnlyTheSuccessfulReturn()
    {
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "dave", 3);
        graph.SignIn("dave", "credentials_failed", "password_secret_bad", Now.AddDays(-10));
        graph.SignIn("dave", "credentials_failed", "password_secret_bad", Now.AddMinutes(-50));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));

        var signIn = graph.SignIn("dave", "success", "credentials_ok", Now.AddMinutes(10));
        await graph.WriteAsync();
        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now.AddMinutes(15)));
        Assert.Equal([signIn], finding.Evidence);
    }

    [Fact]
    public async Task Evaluate_AdminActionAfterDormancy_FlagsUnlessTheDormancyParameterIsLonger()
    {
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "dave", 3);
        graph.Audit("dave", "update", "vault", "v1", Now.AddMinutes(-30));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.EndsWith("0 sign-in(s), 0 item usage(s), 1 admin action(s)", finding.Summary, StringComparison.Ordinal);
        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["dormantDays"] = "60" }));
    }

    /// <summary>Adds <paramref name="count"/> activities of <paramref name="user"/> between 50 and 48 days before now.</summary>
    private static void OldHistory(RuleTestGraph graph, string user, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var at = Now.AddDays(-50).AddDays(2.0 * i / Math.Max(1, count - 1));
            if (i % 2 == 0)
            {
                graph.Usage(user, "s1", "v1", "fill", at);
            }
            else
            {
                graph.SignIn(user, "success", "credentials_ok", at);
            }
        }
    }
}
