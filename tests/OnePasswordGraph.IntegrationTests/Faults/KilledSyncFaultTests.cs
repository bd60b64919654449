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

        // An uninterrupted backfill measures how long one takes; kill points drawn over that time fall on start-up,
        // pages in flight, writes, the gaps between a write and the next fetch, and inventory.
        await _neo4j.ResetAsync();
        var clock = Stopwatch.StartNew();
        var (baselineExit, baselineText) = await CliProcess.RunAsync(environment, "sync");
        var backfill = clock.Elapsed;
        Assert.True(baselineExit == 0, baselineText);

        // Two kills wait for a milestone in the graph instead of a time: right after the first page (between a write
        // and the next fetch), and right after Connect's vaults were written (vault cleanup and the item listing in flight).
        var random = new Random(profile.Seed);

        // An upper bound, not a wait: the long profile's kill points lie up to 20,000 events into the backfill, which a
        // loaded two-core machine took more than two minutes to reach.
        var reachLimit = profile.IsLong ? TimeSpan.FromMinutes(10) : TimeSpan.FromMinutes(2);
        var kills = new List<(string Point, Func<RunningCli, Task> Until)>
        {
            ("first page", doomed => GraphWait.EventsAtLeastAsync(_neo4j, account, 1, doomed, TimeSpan.FromMinutes(2))),
            ("vaults written", doomed => GraphWait.CountAtLeastAsync(_neo4j, "MATCH (v:one_password_vault {account: $account, placeholder: false}) RETURN count(v) AS c", account, 1, doomed, TimeSpan.FromMinutes(2))),
        };

        // The random points alternate between a time (over the measured backfill; a run that ends first is run again
        // with the point drawn over its own length) and a number of events written (a point in the backfill, whatever its speed).
        var total = account.ExpectedEvents.Count;
        var horizon = backfill;
        for (var point = 0; point < profile.KillPoints; point++)
        {
            if (point % 2 == 0)
            {
                var fraction = random.NextDouble();
                kills.Add((string.Create(CultureInfo.InvariantCulture, $"{fraction:P0} of the run"), async doomed =>
                {
                    // The random point in time is the fault itself; a run that ends sooner is run again below.
                    await Task.WhenAny(doomed.WaitForExitAsync(TimeSpan.FromMinutes(5)), Task.Delay(horizon * fraction, TimeProvider.System, CancellationToken.None));
                }));
            }
            else
            {
                var target = random.Next(1, total);
                kills.Add((string.Create(CultureInfo.InvariantCulture, $"≥{target:N0} events"), doomed => GraphWait.EventsAtLeastAsync(_neo4j, account, target, doomed, reachLimit)));
            }
        }

        var exitCodes = new List<int> { baselineExit };
        var points = new List<string>();
        var tallies = new List<GraphTally>();
        var failures = new List<string>();
        var slowestRecovery = TimeSpan.Zero;
        var killed = 0;
        foreach (var (point, until) in kills)
        {
            // A run quicker than the measured one may end before its point in time: the point is drawn again over that
            // run's length (up to three runs), so the figures count kills, not runs that happened to finish.
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                await _neo4j.ResetAsync();
                var run = Stopwatch.StartNew();
                using var doomed = RunningCli.Start(environment, "sync");
                await until(doomed);
                var endedFirst = doomed.HasExited;
                doomed.Kill();
                exitCodes.Add(await doomed.WaitForExitAsync(TimeSpan.FromMinutes(1)));
                if (!endedFirst)
                {
                    killed++;
                    break;
                }

                horizon = run.Elapsed;
            }

            var written = await GraphWait.EventsAsync(_neo4j, account);
            points.Add(string.Create(CultureInfo.InvariantCulture, $"{point} ({written:N0})"));
            clock.Restart();
            var (exitCode, text) = await CliProcess.RunAsync(environment, "sync");
            var tally = await GraphTally.CountAsync(_neo4j, account);
            slowestRecovery = clock.Elapsed > slowestRecovery ? clock.Elapsed : slowestRecovery;
            exitCodes.Add(exitCode);
            tallies.Add(tally);
            if (exitCode != 0 || !tally.Exact)
            {
                failures.Add($"kill at {point}: rerun exit {exitCode}, {tally}\n{text}");
            }
        }

        var sum = GraphTally.Sum(tallies);
        FaultFigures.Record(output, new FaultFigure(
            $"`kill -9` of `sync` at {profile.KillPoints} random points and 2 milestones of a backfill (with Connect inventory)",
            exitCodes.Count, sum.Expected, sum.Found, sum.Duplicates, FaultFigure.Codes(exitCodes), slowestRecovery,
            string.Create(CultureInfo.InvariantCulture, $"backfill {backfill.TotalSeconds:0.0} s; {killed} of {kills.Count} points reached before the run ended; killed at (events written then): {string.Join(", ", points)}; each point from an empty graph, then a normal `sync`; recovery = the slowest rerun")));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
