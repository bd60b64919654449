using OnePasswordGraph.Cli;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Status;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Tests.Cli;

public sealed class StatusTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Describe_SyncedAccount_ShowsRunLeaseStreamAgesAndCounts()
    {
        var failedRun = new SyncRunSummary("acme", "run-7", Now.AddMinutes(-3), TimeSpan.FromSeconds(12.5),
        [
            new StepResult("itemusages", StepStatus.Success, new Dictionary<string, long>(), TimeSpan.FromSeconds(2), null),
            new StepResult("items", StepStatus.Failure, new Dictionary<string, long>(), TimeSpan.FromSeconds(1), "vault V1 answered 500"),
            new StepResult("cleanup", StepStatus.Skipped, new Dictionary<string, long>(), TimeSpan.Zero, null),
        ]);
        var status = new AccountStatus(
            "acme",
            new LastRunStatus("run-7", "failed", Now.AddMinutes(-3), Now.AddMinutes(-3).AddSeconds(12.5), RunSummaryText.Json(failedRun), Now.AddHours(-2)),
            [
                new StreamStatus("itemusages", Now.AddSeconds(-40), Now.AddHours(-5), 12_345),
                new StreamStatus("auditevents", Now.AddDays(-3), Now.AddDays(-4), 0),
                new StreamStatus("signinattempts", null, null, null),
            ],
            "host:42:run:abc123",
            Now.AddMinutes(1),
            new Dictionary<string, long> { ["one_password_user"] = 1200, ["one_password_item_usage_event"] = 12_345 },
            new Dictionary<string, long> { ["one_password_user_performed_item_usage_event"] = 12_345 });

        var text = StatusText.Describe(status, Now);

        Assert.Equal(
            """
            Account acme
              last run     run-7 failed, finished 2026-11-23 11:57Z (2m ago), took 12.5 s
                failed     items: vault V1 answered 500
              last success 2026-11-23 10:00Z (2h ago)
              lease        held by host:42:run:abc123 until 2026-11-23 12:01:00Z
              stream           cursor moved                 newest event                 events (last run)
              itemusages       2026-11-23 11:59Z (40s ago)  2026-11-23 07:00Z (5h ago)   12,345
              auditevents      2026-11-20 12:00Z (3d ago)   2026-11-19 12:00Z (4d ago)   0
              signinattempts   never                        never                        -
              nodes        one_password_item_usage_event=12,345, one_password_user=1,200
              relationships one_password_user_performed_item_usage_event=12,345

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Describe_NeverSyncedAccountWithAnExpiredLease_SaysSoPlainly()
    {
        var status = new AccountStatus("beta", null, [new StreamStatus("itemusages", null, null, null)], "dead:1:run:zzz", Now.AddSeconds(-1),
            new Dictionary<string, long>(), new Dictionary<string, long>());

        var text = StatusText.Describe(status, Now);

        Assert.Contains("  last run     none yet\n", text, StringComparison.Ordinal);
        Assert.Contains("  lease        free\n", text, StringComparison.Ordinal);
        Assert.Contains("  nodes        none\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("failed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_AccountWithQuarantinedEvents_ShowsTheirCountOnALineOfItsOwn()
    {
        var status = new AccountStatus("acme", null, [], null, null,
            new Dictionary<string, long> { ["one_password_quarantined_event"] = 1234, ["one_password_user"] = 3 }, new Dictionary<string, long>());

        var text = StatusText.Describe(status, Now);

        Assert.Contains("  quarantined  1,234 malformed events kept as one_password_quarantined_event nodes (README: When 1Password sends something wrong)\n  nodes        ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("quarantined  ", StatusText.Describe(status with { NodeCounts = new Dictionary<string, long> { ["one_password_user"] = 3 } }, Now), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"steps\": 3}")]
    [InlineData("[1, 2]")]
    public void FailuresInJson_TextThatIsNotASummary_HasNoFailures(string? json) =>
        Assert.Empty(RunSummaryText.FailuresInJson(json));

    [Fact]
    public void Describe_RunWithAlerts_ListsNewFindingsMostSevereFirstAndFailedRules()
    {
        Finding Found(string rule, AlertSeverity severity, string summary) =>
            new("fp-" + rule, rule, rule, severity, "acme", summary, Now, rule, ["U1"], ["E1"]);
        var alerts = new AlertRunSummary("acme", "alerts-1", Now, TimeSpan.FromSeconds(1),
        [
            new RuleRunResult("item-export", AlertSeverity.Medium, Now, 1, 1, null, TimeSpan.Zero),
            new RuleRunResult("mfa-disabled-account", AlertSeverity.Critical, Now, 1, 1, null, TimeSpan.Zero),
            new RuleRunResult("sync-stale", AlertSeverity.High, Now, 0, 0, "Neo4j timed out", TimeSpan.Zero),
        ],
        [Found("item-export", AlertSeverity.Medium, "ann exported s1"), Found("mfa-disabled-account", AlertSeverity.Critical, "bob disabled MFA")]);
        var run = new SyncRunSummary("acme", "run-8", Now.AddMinutes(-1), TimeSpan.FromSeconds(3),
            [new StepResult("itemusages", StepStatus.Success, new Dictionary<string, long>(), TimeSpan.FromSeconds(2), null)], alerts);
        var status = new AccountStatus("acme", new LastRunStatus("run-8", "succeeded", Now.AddMinutes(-1), Now, RunSummaryText.Json(run)), [], null, null,
            new Dictionary<string, long>(), new Dictionary<string, long>());

        var text = StatusText.Describe(status, Now);

        Assert.Contains(
            "  alerts       3 rules ran, 2 new findings, 1.0 s (slowest: item-export 0.0 s, mfa-disabled-account 0.0 s, sync-stale 0.0 s)\n"
            + "    new critical mfa-disabled-account: bob disabled MFA\n"
            + "    new medium item-export: ann exported s1\n"
            + "    rule failed sync-stale: Neo4j timed out\n",
            text,
            StringComparison.Ordinal);
        Assert.Equal("itemusages Success in 2000 ms; alerts: 3 rules, 2 new findings (critical 1, medium 1), 1 rules failed (sync-stale: Neo4j timed out), 1.0 s (slowest: item-export 0.0 s, mfa-disabled-account 0.0 s, sync-stale 0.0 s)", RunSummaryText.Describe(run));
    }
}
