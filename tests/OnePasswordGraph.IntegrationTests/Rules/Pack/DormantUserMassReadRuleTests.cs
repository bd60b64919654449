using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class DormantUserMassReadRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "dormant-user-mass-read";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_ReturnThenTenDistinctReads_FlagsUserAndItems()
    {
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "erin");
        var signIn = graph.SignIn("erin", "success", "credentials_ok", Now.AddMinutes(-50));
        var reads = Reads(graph, "erin", 10, Now.AddMinutes(-45));
        await graph.WriteAsync();

        var findings = await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now);

        var finding = Assert.Single(findings);
        Assert.Equal(["erin", .. Enumerable.Range(1, 10).Select(i => $"s{i}")], finding.Flagged);
        Assert.Equal([signIn, .. reads], finding.Evidence);
        Assert.Equal($"erin|{Now.AddMinutes(-50).ToUnixTimeMilliseconds()}", finding.DedupKey);
        Assert.Equal(Now.AddMinutes(-36), finding.OccurredOn);
        Assert.Equal("erin@example.com came back after 47 days without activity and read 10 distinct item(s) within 14 minutes (reveal, secure-copy, fill)", finding.Summary);

        // The next evaluation's window holds only the later reads; the return before it still counts, as the same finding.
        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-40), Now.AddHours(1)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_FirstEvaluationOverTheWholeHistory_FindsTheReturnAsTheScheduledOneDoes()
    {
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "erin");
        var signIn = graph.SignIn("erin", "success", "credentials_ok", Now.AddMinutes(-50));
        var reads = Reads(graph, "erin", 10, Now.AddMinutes(-45));
        OldHistory(graph, "frank");
        graph.Usage("frank", "s1", "v1", "fill", Now.AddDays(-20));
        Reads(graph, "frank", 12, Now.AddMinutes(-40));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, DateTimeOffset.UnixEpoch, Now));
        Assert.Equal([signIn, .. reads], finding.Evidence);
        Assert.Equal(Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now)).Fingerprint, finding.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_ReturnThenNineDistinctItemsReadRepeatedly_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "erin");
        graph.SignIn("erin", "success", "credentials_ok", Now.AddMinutes(-50));
        Reads(graph, "erin", 9, Now.AddMinutes(-45));
        Reads(graph, "erin", 9, Now.AddMinutes(-20));
        graph.Usage("erin", "s10", "v1", "enter-item-edit-mode", Now.AddMinutes(-5));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["minDistinctItems"] = "9" }));
    }

    [Fact]
    public async Task Evaluate_ActiveUserReadingManyItems_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "erin");
        graph.Usage("erin", "s1", "v1", "fill", Now.AddDays(-5));
        graph.SignIn("erin", "success", "credentials_ok", Now.AddMinutes(-50));
        Reads(graph, "erin", 15, Now.AddMinutes(-45));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_ReadsLaterThanReadWindowAfterTheReturn_FlagOnlyWithALongerReadWindow()
    {
        var graph = new RuleTestGraph(neo4j);
        OldHistory(graph, "erin");
        var signIn = graph.SignIn("erin", "success", "credentials_ok", Now.AddHours(-30));
        Reads(graph, "erin", 10, Now.AddMinutes(-45));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now, new Dictionary<string, string> { ["readWindowHours"] = "36" }));
        Assert.Equal(signIn, finding.Evidence[0]);
    }

    /// <summary>Adds four activities of <paramref name="user"/> between 50 and 48 days before now.</summary>
    private static void OldHistory(RuleTestGraph graph, string user)
    {
        graph.SignIn(user, "success", "credentials_ok", Now.AddDays(-50));
        graph.Usage(user, "s1", "v1", "fill", Now.AddDays(-50).AddMinutes(5));
        graph.SignIn(user, "success", "credentials_ok", Now.AddDays(-48).AddMinutes(-5));
        graph.Usage(user, "s2", "v1", "fill", Now.AddDays(-48));
    }

    /// <summary>Reads items s1…s<paramref name="count"/> one minute apart from <paramref name="start"/>, cycling reveal, secure-copy and fill.</summary>
    private static List<string> Reads(RuleTestGraph graph, string user, int count, DateTimeOffset start)
    {
        string[] actions = ["reveal", "secure-copy", "fill"];
        return [.. Enumerable.Range(1, count).Select(i => graph.Usage(user, $"s{i}", "v1", actions[(i - 1) % actions.Length], start.AddMinutes(i - 1)))];
    }
}
