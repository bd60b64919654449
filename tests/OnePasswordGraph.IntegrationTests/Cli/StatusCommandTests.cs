using System.Globalization;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary><c>status</c> as a real process after a real <c>sync</c>.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class StatusCommandTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Status_AfterSync_ShowsTheRunItsOutcomeAndWhatEachStreamWrote()
    {
        var inventory = InventoryGenerator.Generate(seed: 41, users: 8, vaults: 3, itemsPerVault: 4, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 41, count: 1500, TimeSpan.FromDays(5), Now);
        await using var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(activity.Events);
        var environment = CliProcess.Environment(neo4j, api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-10).ToString("o", CultureInfo.InvariantCulture));
        var sync = await CliProcess.RunAsync(environment, "sync");
        var runId = (await neo4j.QueryAsync("MATCH (s:one_password_sync_state {_key: 'default:run'}) RETURN s.lastRunId AS id")).Rows.Single()[0] as string;

        var (exitCode, output) = await CliProcess.RunAsync(environment, "status");

        Assert.True(sync.ExitCode == 0, sync.Output);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Account default\n", output, StringComparison.Ordinal);
        Assert.Contains($"  last run     {runId} succeeded, finished ", output, StringComparison.Ordinal);
        foreach (var (stream, count) in activity.CountsByFeature)
        {
            Assert.Matches($@"\n  {stream} +\S.* {count.ToString("N0", CultureInfo.InvariantCulture)}\n", output);
        }

        Assert.Contains("  lease        free\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Neo4jUnreachable_Exits1WithTheReason()
    {
        var port = ClosedPort.Find();
        var environment = new Dictionary<string, string>
        {
            ["OnePassword__Events__BaseUrl"] = "http://127.0.0.1:9/",
            ["OnePassword__Events__Token"] = "tok",
            ["Neo4j__Url"] = $"http://127.0.0.1:{port}",
            ["Neo4j__User"] = "neo4j",
            ["Neo4j__Password"] = "pw",
        };

        var (exitCode, output) = await CliProcess.RunAsync(environment, "status");

        Assert.Equal(1, exitCode);
        Assert.Contains($"Neo4j is unreachable at http://127.0.0.1:{port}/", output, StringComparison.Ordinal);
    }
}
