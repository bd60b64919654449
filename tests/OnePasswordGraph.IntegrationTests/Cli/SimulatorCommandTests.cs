using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary><c>simulator</c> as a real process: what it prints is enough for <c>sync</c> to sync the whole simulated account.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class SimulatorCommandTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Simulator_PrintedSettings_LetSyncFetchEveryEventAndTheInventory()
    {
        // Large enough to plant anomalies, so the printed backfill must reach the dormant users' history 50 days back.
        using var simulator = CliProcess.Start(new Dictionary<string, string>(), "simulator", "--seed", "9", "--events", "800", "--days", "14");
        try
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (await simulator.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
            {
                if (line.StartsWith("OnePassword__", StringComparison.Ordinal))
                {
                    settings[line[..line.IndexOf('=', StringComparison.Ordinal)]] = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..];
                }
            }

            settings["Neo4j__Url"] = neo4j.Url.ToString();
            settings["Neo4j__User"] = neo4j.User;
            settings["Neo4j__Password"] = neo4j.Password;
            var (exitCode, output) = await CliProcess.RunAsync(settings, "sync");

            Assert.True(exitCode == 0, output);
            Assert.Equal(800, await neo4j.CountAsync("MATCH (e) WHERE e.account = 'default' AND e.timestamp IS NOT NULL RETURN count(e) AS c"));
            Assert.Equal(300, await neo4j.CountAsync("MATCH (s:one_password_secret) WHERE s.account = 'default' AND NOT coalesce(s.placeholder, false) RETURN count(s) AS c"));
        }
        finally
        {
            simulator.Kill(entireProcessTree: true);
            await simulator.WaitForExitAsync();
        }
    }
}
