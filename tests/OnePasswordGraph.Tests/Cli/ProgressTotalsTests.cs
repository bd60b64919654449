using OnePasswordGraph.Cli;
using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Tests.Cli;

public sealed class ProgressTotalsTests
{
    [Fact]
    public void Describe_SumsEventsPerStreamKeepsTheLatestLagAndShowsTheRate()
    {
        var totals = new ProgressTotals(startedAt: 0);
        Record(totals, SyncMetrics.EventsIngestedInstrument, 1000, "acme", "itemusages");
        Record(totals, SyncMetrics.LagInstrument, TimeSpan.FromDays(4).TotalSeconds, "acme", "itemusages");
        Record(totals, SyncMetrics.EventsIngestedInstrument, 11_000, "acme", "itemusages");
        Record(totals, SyncMetrics.LagInstrument, (TimeSpan.FromDays(3) + TimeSpan.FromHours(2)).TotalSeconds, "acme", "itemusages");
        Record(totals, SyncMetrics.EventsIngestedInstrument, 800, "acme", "auditevents");
        Record(totals, SyncMetrics.LagInstrument, 30, "acme", "auditevents");
        Record(totals, SyncMetrics.EventsIngestedInstrument, 50, "beta", "signinattempts");
        Record(totals, SyncMetrics.LagInstrument, TimeSpan.FromMinutes(30).TotalSeconds, "beta", "signinattempts");

        var line = totals.Describe(TimeSpan.FromSeconds(10));

        Assert.Equal("acme/auditevents 800 (80/s, caught up) | acme/itemusages 12,000 (1200/s, 3d 2h behind) | beta/signinattempts 50 (5/s, 30m behind)", line);
    }

    [Fact]
    public void Describe_NothingRecordedOrNoTimeElapsed_IsEmptyOrHasNoRate()
    {
        var totals = new ProgressTotals(startedAt: 0);
        Assert.Equal(string.Empty, totals.Describe(TimeSpan.FromSeconds(5)));

        Record(totals, SyncMetrics.EventsIngestedInstrument, 5, "acme", "itemusages");
        Record(totals, SyncMetrics.LagInstrument, (TimeSpan.FromHours(5) + TimeSpan.FromMinutes(7)).TotalSeconds, "acme", "itemusages");

        Assert.Equal("acme/itemusages 5 (0/s, 5h 7m behind)", totals.Describe(TimeSpan.Zero));
    }

    private static void Record(ProgressTotals totals, string instrument, double value, string account, string stream) =>
        totals.Record(instrument, value, [new("account", account), new("stream", stream)]);
}
