using System.Globalization;
using OnePasswordGraph.IntegrationTests.Rules.Support;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Rules.Pack;

[Collection(Neo4jCollection.Name)]
public sealed class FailedSigninBurstUserRuleTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string Rule = "failed-signin-burst-user";

    private static readonly DateTimeOffset Now = RuleTestGraph.Now;

    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Evaluate_TenFailuresForOneUserInAWindow_Flags()
    {
        var graph = new RuleTestGraph(neo4j);
        var failures = graph.SignIns("alice", "credentials_failed", "password_secret_bad", Now.AddMinutes(-20), 10, HalfMinute, ip: "198.51.100.201", country: "BR");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));

        Assert.Equal(["alice"], finding.Flagged);
        Assert.Equal(failures, finding.Evidence);
        Assert.Equal("alice|" + Ms(Now.AddHours(-1)), finding.DedupKey);
        Assert.Equal(
            "alice@example.com: 10 failed sign-ins within 60 minutes from 1 addresses (198.51.100.201; BR), no successful sign-in after them",
            finding.Summary);
        var again = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddMinutes(-16), Now.AddMinutes(40)));
        Assert.Equal(finding.Fingerprint, again.Fingerprint);
        Assert.Equal(failures, again.Evidence);
    }

    [Fact]
    public async Task Evaluate_NineFailuresOrFailuresSplitBetweenUsers_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.SignIns("alice", "credentials_failed", "password_secret_bad", Now.AddMinutes(-20), 9, HalfMinute);
        graph.SignIns("alice", "success", "credentials_ok", Now.AddMinutes(-10), 5, HalfMinute);
        graph.SignIns("bob", "mfa_failed", "totp_bad", Now.AddMinutes(-20), 5, HalfMinute);
        graph.SignIns("carol", "credentials_failed", "password_secret_bad", Now.AddMinutes(-20), 5, HalfMinute);
        await graph.WriteAsync();

        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
    }

    [Fact]
    public async Task Evaluate_SuccessAfterTheFailures_NamesItAndPutsItFirstInTheEvidence()
    {
        var graph = new RuleTestGraph(neo4j);
        var failures = graph.SignIns("alice", "mfa_failed", "totp_bad", Now.AddMinutes(-20), 10, HalfMinute, ip: "198.51.100.201");
        var success = graph.SignIn("alice", "success", "mfa_ok", Now.AddMinutes(-5), ip: "198.51.100.201", appName: "1Password CLI");
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));

        Assert.Equal([success, .. failures], finding.Evidence);
        Assert.Equal(Now.AddMinutes(-5), finding.OccurredOn);
        Assert.EndsWith(", then a successful sign-in from 198.51.100.201 with 1Password CLI", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_BurstAcrossWindowEdge_FlagsOnceOnTheShiftedWindow()
    {
        var graph = new RuleTestGraph(neo4j);
        var failures = graph.SignIns("alice", "credentials_failed", "password_secret_bad", Now.AddMinutes(-3), 12, HalfMinute);
        await graph.WriteAsync();

        var finding = Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now.AddHours(1)));

        Assert.Equal(failures, finding.Evidence);
        Assert.Equal("alice|" + Ms(Now.AddMinutes(-30)), finding.DedupKey);
    }

    [Fact]
    public async Task Evaluate_FirewallFailuresNotCountedByOverride_FindsNothing()
    {
        var graph = new RuleTestGraph(neo4j);
        graph.SignIns("alice", "firewall_failed", "country_blocked", Now.AddMinutes(-20), 10, HalfMinute);
        await graph.WriteAsync();

        Assert.Single(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now));
        var overrides = new Dictionary<string, string> { ["failureCategories"] = "credentials_failed, mfa_failed" };
        Assert.Empty(await graph.EvaluateAsync(Rule, Now.AddHours(-1), Now, overrides));
    }

    private static string Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
