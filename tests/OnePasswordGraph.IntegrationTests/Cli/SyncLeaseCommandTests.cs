using System.Globalization;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary><c>sync</c> meeting a held lease: it says who holds it and what to do, waits with <c>--wait</c>, and takes over a killed holder's lease at once.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class SyncLeaseCommandTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sync_LeaseHeldOnAnotherHost_SkipsNamingTheHolderSinceUntilAndWhatToDo()
    {
        await using var api = await EventsApiHarness.StartScenarioAsync(46, 10, 200, Now);
        var lease = new Neo4jAccountLease(neo4j.Runner, TimeProvider.System);
        await using var held = await lease.TryAcquireAsync("default", "build-7:4242:run:abc123", TimeSpan.FromMinutes(2), CancellationToken.None);

        var (exitCode, output) = await CliProcess.RunAsync(Environment(api), "sync");

        Assert.NotNull(held);
        Assert.Equal(1, exitCode);
        Assert.Contains("Account default: another process is syncing it: process 4242 on build-7 (onepassword-graph run) holds its lease since ", output, StringComparison.Ordinal);
        Assert.Contains(" s from now) unless it renews it; skipped. Wait for that run to finish", output, StringComparison.Ordinal);
        Assert.Contains("`onepassword-graph sync --wait 10m`", output, StringComparison.Ordinal);
        Assert.Equal(0, await neo4j.CountAsync("MATCH (e:one_password_item_usage_event) RETURN count(e) AS c"));
    }

    [Fact]
    public async Task SyncWait_LeaseReleasedWhileWaiting_SyncsOnceItIsFree()
    {
        await using var api = await EventsApiHarness.StartScenarioAsync(46, 10, 200, Now);
        var lease = new Neo4jAccountLease(neo4j.Runner, TimeProvider.System);
        var held = await lease.TryAcquireAsync("default", "build-7:4242:run:abc123", TimeSpan.FromMinutes(2), CancellationToken.None);
        using var process = CliProcess.Start(Environment(api), "sync", "--wait", "2m");

        string? line;
        do
        {
            line = await process.StandardOutput.ReadLineAsync();
        }
        while (line is not null && !line.Contains("waiting up to 2m for it (--wait)", StringComparison.Ordinal));
        await held!.DisposeAsync();
        var rest = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.NotNull(line);
        Assert.True(process.ExitCode == 0, rest + await process.StandardError.ReadToEndAsync());
        Assert.True(await neo4j.CountAsync("MATCH (e:one_password_item_usage_event) RETURN count(e) AS c") > 0);
    }

    [Fact]
    public async Task Sync_LeaseOfAKilledProcessOfThisHost_IsTakenOverAtOnce()
    {
        await using var api = await EventsApiHarness.StartScenarioAsync(46, 10, 200, Now);
        var lease = new Neo4jAccountLease(neo4j.Runner, TimeProvider.System);
        Assert.NotNull(await lease.TryAcquireAsync("default", $"{System.Environment.MachineName}:{await ExitedProcess.IdAsync()}:sync:abc123", TimeSpan.FromMinutes(2), CancellationToken.None));

        var (exitCode, output) = await CliProcess.RunAsync(Environment(api), "sync");

        Assert.True(exitCode == 0, output);
        Assert.True(await neo4j.CountAsync("MATCH (e:one_password_item_usage_event) RETURN count(e) AS c") > 0);
    }

    private Dictionary<string, string> Environment(EventsApiHarness api)
    {
        var environment = CliProcess.Environment(neo4j, api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-30).ToString("o", CultureInfo.InvariantCulture));
        environment["Alerts__Enabled"] = "false";
        return environment;
    }
}
