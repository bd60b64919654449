using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using OnePasswordGraph.IntegrationTests.Support;
using Xunit.Abstractions;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>
/// Two <c>run</c> workers and a manual <c>sync --wait</c> on one account while events keep arriving: they take turns
/// under the account's lease (the figures count the runs and the runs skipped on a held lease), exact at the end.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed partial class CompetingWritersFaultTests(FaultsServer server, ITestOutputHelper output)
{
    private readonly Neo4jServerFixture _neo4j = server.Neo4j;

    [Fact]
    public async Task RunTwiceAndSync_ContinuousEvents_OneWriterAtATimeAndExactAtTheEnd()
    {
        var profile = FaultProfile.Current;
        await _neo4j.ResetAsync();
        await using var account = await FaultAccount.StartAsync("competing", seed: 1305, profile.BackfillEvents / 2, connect: true);
        var environment = FaultEnvironment.Create(_neo4j, account);
        environment["Sync__Interval"] = "00:00:02";
        environment["Sync__Jitter"] = "00:00:01";

        var clock = Stopwatch.StartNew();
        await using var arrivals = EventArrivals.Start(20, account);
        using var first = RunningCli.Start(environment, "run");
        using var second = RunningCli.Start(environment, "run");

        // Halfway, an operator's sync queues behind the workers' lease.
        await GraphWait.EventsAtLeastAsync(_neo4j, account, 1, first, TimeSpan.FromMinutes(2));
        var halfway = profile.CompetingWriters / 2 - clock.Elapsed;
        await Task.Delay(halfway > TimeSpan.Zero ? halfway : TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        var (manualExit, manualText) = await CliProcess.RunAsync(environment, "sync", "--wait", "2m");
        var rest = profile.CompetingWriters - clock.Elapsed;
        await Task.Delay(rest > TimeSpan.Zero ? rest : TimeSpan.Zero, TimeProvider.System, CancellationToken.None);
        await arrivals.StopAsync();

        // The workers catch up with the last arrivals at their next runs; then they stop as docker stop stops them.
        await GraphWait.EventsAtLeastAsync(_neo4j, account, account.ExpectedEvents.Count, first, TimeSpan.FromMinutes(2));
        var caughtUp = clock.Elapsed;
        await first.TerminateAsync();
        await second.TerminateAsync();
        var exitCodes = new List<int> { await first.WaitForExitAsync(TimeSpan.FromMinutes(2)), await second.WaitForExitAsync(TimeSpan.FromMinutes(2)), manualExit };
        var tally = await GraphTally.CountAsync(_neo4j, account);
        var runs = RunFinished().Count(first.Text + second.Text);
        var busy = first.Text.Split('\n').Concat(second.Text.Split('\n')).Count(l => l.Contains("holds its lease", StringComparison.Ordinal));
        FaultFigures.Record(output, new FaultFigure(
            string.Create(CultureInfo.InvariantCulture, $"two `run` workers and a manual `sync --wait`, events arriving for {profile.CompetingWriters.TotalMinutes:0.#} min"),
            runs + 1, tally.Expected, tally.Found, tally.Duplicates, FaultFigure.Codes(exitCodes), null,
            $"{arrivals.Batches} batches of 20 new events; {runs} worker runs, {busy} skipped on a held lease; manual sync exit {manualExit}; caught up {caughtUp.TotalSeconds:0} s after the start; {first.ErrorLines.Count + second.ErrorLines.Count} error log lines"));
        Assert.True(manualExit == 0, manualText);
        Assert.True(exitCodes.All(c => c == 0), first.Text + second.Text);
        Assert.Empty(first.ErrorLines.Concat(second.ErrorLines));
        Assert.True(tally.Exact, tally.ToString());
    }

    [GeneratedRegex(@"Account competing: sync \S+ succeeded in")]
    private static partial Regex RunFinished();
}
