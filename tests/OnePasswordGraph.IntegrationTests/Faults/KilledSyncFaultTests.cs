using System.Diagnostics;
using System.Globalization;
using OnePasswordGraph.IntegrationTests.Support;
using Xunit.Abstractions;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary><c>kill -9</c> of a real <c>sync</c> at seeded random points of a backfill, then a normal run: exact every time.</summary>
[Collection(FaultsCollection.Name)]
public sealed class KilledSyncFaultTests(FaultsServer server, ITestOutputHelper output)
{
    private readonly Neo4jServerFixture _neo4j = server.Neo4j;

    [Fact]
    public async Task Sync_KilledAtRandomPointsOfABackfill_NextRunLeavesExactlyTheGroundTruth()
    {
        var profile = FaultProfile.Current;
        await using var account = await FaultAccount.StartAsync("killed", seed: 1301, profile.BackfillEvents, connect: true);
        var environment = FaultEnvironment.Create(_neo4j, account);

        // An uninterrupted backfill measures how long one takes; the kill points are drawn over that time, so they
        // fall on start-up, pages in flight, writes, the gaps between a write and the next fetch, and inventory.
        await _neo4j.ResetAsync();
        var clock = Stopwatch.StartNew();
        var (baselineExit, baselineText) = await CliProcess.RunAsync(environment, "sync");
        var backfill = clock.Elapsed;
        Assert.True(baselineExit == 0, baselineText);

        var random = new Random(profile.Seed);
        var exitCodes = new List<int> { baselineExit };
        var points = new List<string>();
        var tallies = new List<GraphTally>();
        var failures = new List<string>();
        var slowestRecovery = TimeSpan.Zero;
        for (var point = 0; point < profile.KillPoints; point++)
        {
            await _neo4j.ResetAsync();
            var at = backfill * random.NextDouble();
            using (var doomed = RunningCli.Start(environment, "sync"))
            {
                // The random point in time is the fault itself; a run that ends sooner is simply not killed.
                var exit = doomed.WaitForExitAsync(TimeSpan.FromMinutes(5));
                await Task.WhenAny(exit, Task.Delay(at, TimeProvider.System, CancellationToken.None));
                doomed.Kill();
                exitCodes.Add(await doomed.WaitForExitAsync(TimeSpan.FromMinutes(1)));
            }

            var written = await GraphWait.EventsAsync(_neo4j, account);
            points.Add(string.Create(CultureInfo.InvariantCulture, $"{at.TotalSeconds:0.0} s ({written:N0})"));
            clock.Restart();
            var (exitCode, text) = await CliProcess.RunAsync(environment, "sync");
            var tally = await GraphTally.CountAsync(_neo4j, account);
            slowestRecovery = clock.Elapsed > slowestRecovery ? clock.Elapsed : slowestRecovery;
            exitCodes.Add(exitCode);
            tallies.Add(tally);
            if (exitCode != 0 || !tally.Exact)
            {
                failures.Add($"kill at {at}: rerun exit {exitCode}, {tally}\n{text}");
            }
        }

        var total = GraphTally.Sum(tallies);
        FaultFigures.Record(output, new FaultFigure(
            $"`kill -9` of `sync` at {profile.KillPoints} random points of a backfill (with Connect inventory)",
            exitCodes.Count, total.Expected, total.Found, total.Duplicates, FaultFigure.Codes(exitCodes), slowestRecovery,
            string.Create(CultureInfo.InvariantCulture, $"backfill {backfill.TotalSeconds:0.0} s; killed at (events written then): {string.Join(", ", points)}; each point from an empty graph, then a normal `sync`; recovery = the slowest rerun")));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
