using System.Diagnostics;
using System.Globalization;
using OnePasswordGraph.IntegrationTests.Support;
using Xunit.Abstractions;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>
/// The suite's own Neo4j stopped (then started again with its data) or restarted in the middle of a backfill: the
/// <c>sync</c> rides it out within its retry deadline or exits 1 saying Neo4j could not be reached, and the next run is exact.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class Neo4jOutageFaultTests(FaultsServer server, ITestOutputHelper output)
{
    private readonly Neo4jServerFixture _neo4j = server.Neo4j;

    [Fact]
    public Task Sync_Neo4jStoppedMidBackfill_RidesItOutOrExitsOneAndTheNextRunIsExact() =>
        OutageAsync(FaultProfile.Current.Neo4jOutage, string.Create(CultureInfo.InvariantCulture, $"Neo4j stopped for {FaultProfile.Current.Neo4jOutage.TotalSeconds:0} s mid-backfill, then started with its data"));

    [Fact]
    public Task Sync_Neo4jRestartedMidBackfill_RidesItOutOrExitsOneAndTheNextRunIsExact() =>
        OutageAsync(TimeSpan.Zero, "Neo4j restarted mid-backfill");

    private async Task OutageAsync(TimeSpan outage, string fault)
    {
        await _neo4j.ResetAsync();
        await using var account = await FaultAccount.StartAsync("outage", seed: 1302, Math.Max(3_000, FaultProfile.Current.BackfillEvents), connect: false);
        await using var proxy = await FaultProxy.StartAsync(account.Events.BaseUrl);

        // A distant region's latency stretches the backfill, so Neo4j goes while pages are still being written.
        proxy.Latency = TimeSpan.FromMilliseconds(400);
        var environment = FaultEnvironment.Create(_neo4j, account);
        account.Configure(environment, 0, eventsUrl: proxy.BaseUrl);

        using var sync = RunningCli.Start(environment, "sync");
        var before = await GraphWait.EventsAtLeastAsync(_neo4j, account, 200, sync, TimeSpan.FromMinutes(2));
        var down = Stopwatch.StartNew();
        await _neo4j.StopServerAsync();
        Assert.False(sync.HasExited, "The backfill ended before Neo4j was down: the fault missed it.\n" + sync.Text);

        // The outage's length is the fault itself, not a wait for something to happen.
        await Task.Delay(outage, TimeProvider.System, CancellationToken.None);
        await _neo4j.StartServerAsync();
        var downFor = down.Elapsed;
        var up = Stopwatch.StartNew();
        var exitCodes = new List<int> { await sync.WaitForExitAsync(TimeSpan.FromMinutes(10)) };
        string outcome;
        if (exitCodes[0] == 0)
        {
            outcome = "the `sync` rode it out within its retry deadline";
        }
        else
        {
            Assert.True(exitCodes[0] == 1, sync.Text);
            var reason = ExitReason.Find(sync.Text, "Neo4j");
            Assert.True(reason is not null, "exit 1 without a reason that names Neo4j:\n" + sync.Text);
            var (exitCode, text) = await CliProcess.RunAsync(environment, "sync");
            exitCodes.Add(exitCode);
            Assert.True(exitCode == 0, text);
            outcome = $"the `sync` exited 1 ({FaultFigure.Quote(reason)}), the next `sync` completed";
        }

        var tally = await GraphTally.CountAsync(_neo4j, account);
        FaultFigures.Record(output, new FaultFigure(
            fault, exitCodes.Count, tally.Expected, tally.Found, tally.Duplicates, FaultFigure.Codes(exitCodes), up.Elapsed,
            string.Create(CultureInfo.InvariantCulture, $"{before:N0} events written when it went; unreachable for {downFor.TotalSeconds:0} s (stop, outage, start-up); retries: {(FaultProfile.Current.IsLong ? "the product's defaults" : "at most 5 s apart, 12 of them")}; {outcome}; recovery = from Neo4j answering to exact, the rest of the backfill included")));
        Assert.True(tally.Exact, tally.ToString());
    }
}
