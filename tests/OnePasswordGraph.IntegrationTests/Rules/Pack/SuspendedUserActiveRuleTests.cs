using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class SuspendedUserActiveRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string RuleId = "suspended-user-active";
    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_SignInAndUseAfterSuspension_FlagsUserAndItem()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Vault("v1").Secret("s1", "v1", "Prod DB");
        graph.SignIn("carol", "success", "credentials_ok", Now.AddDays(-2));
        var suspend = graph.Audit("admin", "suspend", "user", null, Now.AddHours(-5), objectUser: "carol");
        var signIn = graph.SignIn("carol", "success", "mfa_ok", Now.AddMinutes(-40));
        var fill = graph.Usage("carol", "s1", "v1", "fill", Now.AddMinutes(-35));
        await graph.WriteAsync();

        var findings = await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now);

        var finding = Assert.Single(findings);
        Assert.Equal(["carol", "s1"], finding.Flagged);
        Assert.Equal([suspend, signIn, fill], finding.Evidence);
        Assert.Equal($"carol|{suspend}", finding.DedupKey);
        Assert.Equal(Now.AddMinutes(-35), finding.OccurredOn);
        Assert.Equal("carol@example.com was suspended by admin@example.com and afterwards signed in 1 time(s) and used 1 item(s) without being reactivated", finding.Summary);

        var rerun = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddMinutes(-36), Now.AddHours(1)));
        Assert.Equal(finding.Fingerprint, rerun.Fingerprint);
    }

    [Fact]
    public async Task Evaluate_FailedSignInsAfterSuspension_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("admin", "suspend", "user", null, Now.AddHours(-5), objectUser: "carol");
        graph.SignIn("carol", "credentials_failed", "password_secret_bad", Now.AddMinutes(-40));
        graph.SignIn("carol", "mfa_failed", "totp_bad", Now.AddMinutes(-30));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_ReactivatedBeforeTheActivity_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("admin", "suspend", "user", null, Now.AddHours(-5), objectUser: "carol");
        graph.Audit("admin", "reactive", "user", null, Now.AddHours(-2), objectUser: "carol");
        graph.SignIn("carol", "success", "credentials_ok", Now.AddMinutes(-40));
        graph.Usage("carol", "s1", "v1", "fill", Now.AddMinutes(-35));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_ActivityBeforeTheSuspensionOrOfAnotherUser_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.SignIn("carol", "success", "credentials_ok", Now.AddMinutes(-40));
        graph.Usage("carol", "s1", "v1", "fill", Now.AddMinutes(-35));
        graph.Audit("admin", "suspend", "user", null, Now.AddMinutes(-20), objectUser: "carol");
        graph.SignIn("dave", "success", "credentials_ok", Now.AddMinutes(-10));
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_SuspendedAgainAfterAReactivation_FlagsTheLatestSuspension()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.Audit("admin", "suspend", "user", null, Now.AddDays(-3), objectUser: "carol");
        graph.Audit("admin", "reactive", "user", null, Now.AddDays(-2), objectUser: "carol");
        var suspend = graph.Audit("admin", "suspend", "user", null, Now.AddHours(-2), objectUser: "carol");
        var signIn = graph.SignIn("carol", "firewall_reported_success", "credentials_ok", Now.AddMinutes(-15));
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(RuleId, Now.AddHours(-1), Now));
        Assert.Equal(["carol"], finding.Flagged);
        Assert.Equal([suspend, signIn], finding.Evidence);
        Assert.Equal($"carol|{suspend}", finding.DedupKey);
    }
}
