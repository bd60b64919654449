using System.Diagnostics;
using System.Globalization;
using OnePasswordGraph.Cli.Demo;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary>
/// Every long-running command as a real process stops within seconds of the first SIGINT (Ctrl+C) or SIGTERM
/// (docker stop, systemd), mid-work, with the exit code its help promises.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class StopOnSignalTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Simulator_FirstSignal_ExitsZeroAtOnce(string signal)
    {
        using var simulator = CliProcess.Start(new Dictionary<string, string>(), "simulator", "--events", "300", "--days", "3");
        var errors = simulator.StandardError.ReadToEndAsync();
        await CliProcess.ReadUntilAsync(simulator, "Press Ctrl+C");
        var output = simulator.StandardOutput.ReadToEndAsync();
        await StopsPromptlyAsync(simulator, signal);

        Assert.True(simulator.ExitCode == 0, await output + await errors);
    }

    [Theory]
    [InlineData("sync", "INT", 1)]
    [InlineData("sync", "TERM", 1)]
    [InlineData("run", "INT", 0)]
    [InlineData("run", "TERM", 0)]
    public async Task SyncAndRun_FirstSignalMidBackfill_ExitAtOnceWithTheirExitCode(string command, string signal, int exitCode)
    {
        var inventory = InventoryGenerator.Generate(seed: 81, users: 12, vaults: 4, itemsPerVault: 6, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 81, count: 20_000, TimeSpan.FromDays(20), Now);
        await using var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(activity.Events);
        var environment = CliProcess.Environment(neo4j, api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-30).ToString("o", CultureInfo.InvariantCulture));
        environment["OnePassword__Events__PageSize"] = "100";
        using var process = CliProcess.Start(environment, command);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await ScenarioGraph.WaitForAsync(neo4j, process, "MATCH (s:one_password_sync_state {_key: 'default:itemusages'}) RETURN count(s) AS c");

        await StopsPromptlyAsync(process, signal);

        Assert.True(process.ExitCode == exitCode, await output + await errors);
        if (command == "sync")
        {
            Assert.Contains("stopped on request", await output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Demo_FirstSignalMidSync_ExitsOneAtOnce(string signal)
    {
        var environment = new Dictionary<string, string>
        {
            ["Neo4j__Url"] = neo4j.Url.ToString(),
            ["Neo4j__User"] = neo4j.User,
            ["Neo4j__Password"] = neo4j.Password,
        };
        using var demo = CliProcess.Start(environment, "demo", "--seed", "83", "--events", "60000");
        var output = demo.StandardOutput.ReadToEndAsync();
        var errors = demo.StandardError.ReadToEndAsync();
        await ScenarioGraph.WaitForAsync(neo4j, demo, $"MATCH (s:one_password_sync_state {{_key: '{DemoConfiguration.AccountName}:itemusages'}}) RETURN count(s) AS c");

        await StopsPromptlyAsync(demo, signal);

        Assert.True(demo.ExitCode == 1, await output + await errors);
        Assert.Contains("stopped on request", await errors, StringComparison.Ordinal);
    }

    private static async Task StopsPromptlyAsync(Process process, string signal)
    {
        await CliProcess.SignalAsync(process, signal);
        using var deadline = new CancellationTokenSource(Promptly);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"SIG{signal} did not stop the process within {Promptly.TotalSeconds:0} s.");
        }
    }
}
