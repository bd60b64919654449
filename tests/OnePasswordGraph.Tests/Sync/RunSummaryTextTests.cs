using OnePasswordGraph.Rules;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Tests.Sync;

public sealed class RunSummaryTextTests
{
    [Fact]
    public void Describe_StepCounts_AreRowsWrittenNotNodes()
    {
        // 932 item usages by 40 users write 932 user rows; a label like "one_password_user=932" alone reads as 932 users.
        var run = new SyncRunSummary("acme", "run-1", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(3),
            [new StepResult("itemusages", StepStatus.Success, new Dictionary<string, long> { ["one_password_user"] = 932, ["one_password_item_usage_event"] = 932 }, TimeSpan.FromSeconds(3), null)]);

        Assert.Equal("itemusages Success in 3000 ms, rows written: one_password_item_usage_event=932, one_password_user=932", RunSummaryText.Describe(run));
    }

    [Fact]
    public void Describe_StreamsQuarantinedEvents_CountsThemAcrossStepsInTheLineAndTheStoredJson()
    {
        var run = new SyncRunSummary("acme", "run-2", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1),
        [
            new StepResult("itemusages", StepStatus.Success, new Dictionary<string, long> { ["one_password_quarantined_event"] = 2, ["one_password_item_usage_event"] = 8 }, TimeSpan.FromSeconds(1), null),
            new StepResult("auditevents", StepStatus.Success, new Dictionary<string, long> { ["one_password_quarantined_event"] = 1 }, TimeSpan.Zero, null),
            new StepResult("vaults", StepStatus.Success, new Dictionary<string, long> { ["one_password_vault"] = 3 }, TimeSpan.Zero, null),
        ]);

        Assert.Equal(3, RunSummaryText.Quarantined(run));
        Assert.EndsWith("; quarantined: 3 malformed events kept as one_password_quarantined_event nodes, the rest of their pages written (see the warnings)", RunSummaryText.Describe(run), StringComparison.Ordinal);
        Assert.Contains("\"quarantinedEvents\":3", RunSummaryText.Json(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NothingQuarantined_SaysNothingAboutIt()
    {
        var run = new SyncRunSummary("acme", "run-3", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1),
            [new StepResult("itemusages", StepStatus.Success, new Dictionary<string, long> { ["one_password_item_usage_event"] = 8 }, TimeSpan.FromSeconds(1), null)]);

        Assert.DoesNotContain("quarantine", RunSummaryText.Describe(run), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_AlertRun_NamesItsTimeAndTheThreeSlowestRulesInTheLineAndTheStoredJson()
    {
        static RuleRunResult Rule(string id, int milliseconds) =>
            new(id, AlertSeverity.Low, DateTimeOffset.UnixEpoch, 0, 0, null, TimeSpan.FromMilliseconds(milliseconds));
        var alerts = new AlertRunSummary("acme", "alerts-1", DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(6_940),
            [Rule("copy-burst", 70), Rule("signin-new-country", 1_430), Rule("first-vault-access", 1_240), Rule("signin-new-ip-and-client", 2_100)], []);
        var run = new SyncRunSummary("acme", "run-4", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(8), [], alerts);
        const string cost = "6.9 s (slowest: signin-new-ip-and-client 2.1 s, signin-new-country 1.4 s, first-vault-access 1.2 s)";

        Assert.Equal($"alerts: 4 rules, 0 new findings, {cost}", RunSummaryText.Describe(alerts));
        Assert.Equal($"4 rules ran, 0 new findings, {cost}", RunSummaryText.AlertsInJson(RunSummaryText.Json(run))[0]);
    }

    [Fact]
    public void Describe_OneRule_GivesItsTimeWithoutRankingIt()
    {
        var alerts = new AlertRunSummary("acme", "alerts-2", DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(320),
            [new RuleRunResult("sync-stale", AlertSeverity.High, DateTimeOffset.UnixEpoch, 0, 0, null, TimeSpan.FromMilliseconds(300))], []);

        Assert.Equal("alerts: 1 rules, 0 new findings, 0.3 s", RunSummaryText.Describe(alerts));
    }

    [Fact]
    public void AlertsInJson_SummaryOfAVersionWithoutTimes_ReadsWithoutThem() =>
        Assert.Equal(["31 rules ran, 2 new findings"], RunSummaryText.AlertsInJson("{\"alerts\": {\"rules\": 31, \"newFindings\": 2}}"));
}
