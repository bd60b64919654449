using System.Diagnostics;
using System.Globalization;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary>The <c>run</c> worker as a real process: SIGTERM mid-backfill, and a killed worker's lease.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class RunCommandTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Run_SigtermDuringBackfill_ExitsZeroWithEachCursorMatchingTheEventsWritten()
    {
        var (api, activity, environment) = await ScenarioAsync(seed: 71);
        await using var _ = api;

        using (var worker = CliProcess.Start(environment, "run"))
        {
            var output = worker.StandardOutput.ReadToEndAsync();
            var logs = worker.StandardError.ReadToEndAsync();
            await ScenarioGraph.WaitForAsync(neo4j, worker, "MATCH (s:one_password_sync_state {_key: 'default:itemusages'}) RETURN count(s) AS c");
            await TerminateAsync(worker);
            Assert.True(worker.ExitCode == 0, await output + await logs);
            Assert.Contains("Worker stopped", await logs, StringComparison.Ordinal);
        }

        var partial = 0L;
        foreach (var (stream, label) in ScenarioGraph.EventLabels)
        {
            var written = await neo4j.CountAsync($"MATCH (e:`{label}`) RETURN count(e) AS c");
            var recorded = (await neo4j.QueryAsync($"MATCH (s:one_password_sync_state {{_key: 'default:{stream}'}}) RETURN s.eventsWritten AS c")).Rows.SingleOrDefault()?[0] as long? ?? 0;
            Assert.Equal(recorded, written);
            partial += written;
        }

        Assert.InRange(partial, 1, activity.Events.Count - 1);
        Assert.Equal(0, await neo4j.CountAsync("MATCH (s:one_password_sync_state {_key: 'default:lease'}) WHERE s.leaseHolder IS NOT NULL RETURN count(s) AS c"));
        var (exitCode, text) = await CliProcess.RunAsync(environment, "sync");
        Assert.True(exitCode == 0, text);
        await ScenarioGraph.AssertEventsExactlyAsync(neo4j, activity);
    }

    [Fact]
    public async Task Run_LeaseOfAKilledWorker_ExpiresAndTheNextWorkerSyncsTheAccount()
    {
        var (api, activity, environment) = await ScenarioAsync(seed: 72);
        await using var _ = api;

        int doomedPid;
        using (var doomed = CliProcess.Start(environment, "run"))
        {
            doomedPid = doomed.Id;
            await ScenarioGraph.WaitForAsync(neo4j, doomed, "MATCH (s:one_password_sync_state {_key: 'default:itemusages'}) RETURN count(s) AS c");
            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync();
        }

        var holder = (await neo4j.QueryAsync("MATCH (s:one_password_sync_state {_key: 'default:lease'}) RETURN s.leaseHolder AS h")).Rows.Single()[0] as string;
        Assert.Contains($":{doomedPid}:run:", holder, StringComparison.Ordinal);
        using (var successor = CliProcess.Start(environment, "run"))
        {
            var output = successor.StandardOutput.ReadToEndAsync();
            var logs = successor.StandardError.ReadToEndAsync();
            await ScenarioGraph.WaitForAsync(neo4j, successor, "MATCH (s:one_password_sync_state {_key: 'default:run'}) WHERE s.lastRunOutcome = 'succeeded' RETURN count(s) AS c");
            await TerminateAsync(successor);
            Assert.True(successor.ExitCode == 0, await output + await logs);
        }

        await ScenarioGraph.AssertEventsExactlyAsync(neo4j, activity);
    }

    private async Task<(EventsApiHarness Api, ScenarioActivity Activity, Dictionary<string, string> Environment)> ScenarioAsync(int seed)
    {
        var inventory = InventoryGenerator.Generate(seed: seed, users: 12, vaults: 4, itemsPerVault: 6, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: seed, count: 12_000, TimeSpan.FromDays(20), Now);
        var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(activity.Events);
        var environment = CliProcess.Environment(neo4j, api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-30).ToString("o", CultureInfo.InvariantCulture));
        environment["OnePassword__Events__PageSize"] = "200";
        environment["Sync__Interval"] = "00:00:02";
        environment["Sync__Jitter"] = "00:00:00";
        environment["Sync__LeaseDuration"] = "00:00:04";
        return (api, activity, environment);
    }

    // SIGTERM, as docker stop and systemd send it, then wait for the graceful exit.
    private static async Task TerminateAsync(Process process)
    {
        await CliProcess.SignalAsync(process, "TERM");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
    }
}
