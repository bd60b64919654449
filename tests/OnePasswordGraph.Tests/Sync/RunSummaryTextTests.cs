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
}
