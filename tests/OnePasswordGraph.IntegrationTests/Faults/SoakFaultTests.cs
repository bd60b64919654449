using System.Diagnostics;
using System.Globalization;
using OnePasswordGraph.IntegrationTests.Support;
using Xunit.Abstractions;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>
/// The soak: one <c>run</c> worker syncing three accounts every 10 s while events keep arriving (30 minutes in the long
/// profile). Prints the worker's memory at start and end and each account's lag (events the simulator holds that the
/// graph does not yet) over time; no error log lines, caught up at the end, exact.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SoakFaultTests(FaultsServer server, ITestOutputHelper output)
{
    private readonly Neo4jServerFixture _neo4j = server.Neo4j;

    [Fact]
    public async Task Run_ThreeAccountsWithArrivingEvents_MemoryAndLagPrintedNoErrorsExactAtTheEnd()
    {
        var profile = FaultProfile.Current;
        await _neo4j.ResetAsync();
        await using var alpha = await FaultAccount.StartAsync("soak-a", seed: 1306, 300, connect: true);
        await using var bravo = await FaultAccount.StartAsync("soak-b", seed: 1307, 300, connect: true);
        await using var charlie = await FaultAccount.StartAsync("soak-c", seed: 1308, 300, connect: true);
        FaultAccount[] accounts = [alpha, bravo, charlie];
        var environment = FaultEnvironment.Create(_neo4j, accounts);
        environment["Sync__Interval"] = profile.SoakInterval.ToString("c", CultureInfo.InvariantCulture);
        environment["Sync__Jitter"] = "00:00:01";

        using var worker = RunningCli.Start(environment, "run");
        foreach (var account in accounts)
        {
            await GraphWait.EventsAtLeastAsync(_neo4j, account, 300, worker, TimeSpan.FromMinutes(2));
        }

        var startRss = worker.ResidentBytes();
        var samples = new List<string>();
        var lags = new List<long[]>();
        var clock = Stopwatch.StartNew();
        await using (var arrivals = EventArrivals.Start(5, accounts))
        {
            // One sample per sync interval: the timer paces the measurement, nothing waits on it.
            using var timer = new PeriodicTimer(profile.SoakInterval);
            while (clock.Elapsed < profile.Soak && await timer.WaitForNextTickAsync())
            {
                var lag = new long[accounts.Length];
                for (var i = 0; i < accounts.Length; i++)
                {
                    lag[i] = accounts[i].ExpectedEvents.Count - await GraphWait.EventsAsync(_neo4j, accounts[i]);
                }

                lags.Add(lag);
                samples.Add(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds:0}s {worker.ResidentBytes() / 1_048_576} MB lag {string.Join("/", lag)}"));
                output.WriteLine(samples[^1]);
            }

            await arrivals.StopAsync();
        }

        foreach (var account in accounts)
        {
            await GraphWait.EventsAtLeastAsync(_neo4j, account, account.ExpectedEvents.Count, worker, profile.SoakInterval * 4);
        }

        var endRss = worker.ResidentBytes();
        await worker.TerminateAsync();
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromMinutes(2));
        var tallies = new List<GraphTally>();
        foreach (var account in accounts)
        {
            tallies.Add(await GraphTally.CountAsync(_neo4j, account));
        }

        var total = GraphTally.Sum(tallies);
        var half = lags.Count / 2;
        FaultFigures.Record(output, new FaultFigure(
            string.Create(CultureInfo.InvariantCulture, $"soak: `run` with 3 accounts every {profile.SoakInterval.TotalSeconds:0} s for {profile.Soak.TotalMinutes:0.#} min, events arriving"),
            1, total.Expected, total.Found, total.Duplicates, FaultFigure.Codes([exitCode]), null,
            string.Create(CultureInfo.InvariantCulture, $"RSS {startRss / 1_048_576} MB at start, {endRss / 1_048_576} MB at end; most lag (events behind, any account) {Max(lags.Take(half))} in the first half, {Max(lags.Skip(half))} in the second; {worker.ErrorLines.Count} error log lines; samples: {string.Join("; ", samples)}")));
        Assert.True(exitCode == 0, worker.Text);
        Assert.Empty(worker.ErrorLines);
        Assert.True(total.Exact, total.ToString());
    }

    private static long Max(IEnumerable<long[]> lags) => lags.SelectMany(l => l).DefaultIfEmpty().Max();
}
