using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
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
            foreach (var line in (await CliProcess.ReadUntilAsync(simulator, "Press Ctrl+C")).Where(l => l.StartsWith("export OnePassword__", StringComparison.Ordinal)))
            {
                settings[line["export ".Length..line.IndexOf('=', StringComparison.Ordinal)]] = line[(line.IndexOf('=', StringComparison.Ordinal) + 2)..^1];
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

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task Simulator_PrintEnvWithFixedPortsAndTokens_PrintsOnlyExportsAndWritesThemToAPrivateFile()
    {
        var (eventsPort, connectPort) = (ClosedPort.Find(), ClosedPort.Find());
        var envFile = Path.Combine(Path.GetTempPath(), $"simulator-{Guid.NewGuid():N}.env");
        using var simulator = CliProcess.Start(
            new Dictionary<string, string>(),
            "simulator", "--events", "300", "--days", "3", "--print-env", "--env-file", envFile,
            "--port", eventsPort.ToString(CultureInfo.InvariantCulture), "--connect-port", connectPort.ToString(CultureInfo.InvariantCulture),
            "--events-token", "fixed-events-token", "--connect-token", "fixed-connect-token", "--users-client-id", "fixed-client", "--users-client-secret", "fixed-client-secret");
        try
        {
            var errors = simulator.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var exports = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                exports.Add(await simulator.StandardOutput.ReadLineAsync(timeout.Token) ?? string.Empty);
            }

            Assert.Contains($"export OnePassword__Events__BaseUrl='http://127.0.0.1:{eventsPort}/'", exports);
            Assert.Contains($"export OnePassword__Connect__BaseUrl='http://127.0.0.1:{connectPort}/'", exports);
            Assert.Contains("export OnePassword__Events__Token='fixed-events-token'", exports);
            Assert.Contains("export OnePassword__Connect__Token='fixed-connect-token'", exports);
            Assert.Single(exports, line => line.StartsWith("export OnePassword__BackfillStartTime='", StringComparison.Ordinal));
            Assert.Single(exports, line => line.StartsWith("export OnePassword__Users__BaseUrl='http://127.0.0.1:", StringComparison.Ordinal));
            Assert.Contains("export OnePassword__Users__ClientId='fixed-client'", exports);
            Assert.Contains("export OnePassword__Users__ClientSecret='fixed-client-secret'", exports);

            // The file is there, whole, by the time the exports are printed, and only its owner may read it (it holds tokens).
            Assert.Equal(string.Join('\n', exports) + "\n", await File.ReadAllTextAsync(envFile));
            await StopAsync(simulator);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(envFile));
            Assert.Equal(string.Empty, await simulator.StandardOutput.ReadToEndAsync());
            Assert.Contains("Press Ctrl+C to stop.", await errors, StringComparison.Ordinal);
        }
        finally
        {
            simulator.Kill(entireProcessTree: true);
            await simulator.WaitForExitAsync();
            File.Delete(envFile);
        }
    }

    [Fact]
    public async Task Simulator_FixedTokens_AreTheOnesTheServersAccept()
    {
        var eventsPort = ClosedPort.Find();
        using var simulator = CliProcess.Start(
            new Dictionary<string, string>(), "simulator", "--events", "300", "--days", "3", "--port", eventsPort.ToString(CultureInfo.InvariantCulture), "--events-token", "fixed-events-token");
        try
        {
            await CliProcess.ReadUntilAsync(simulator, "Press Ctrl+C");
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{eventsPort}") };
            using var accepted = new HttpRequestMessage(HttpMethod.Get, "/api/v2/auth/introspect") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "fixed-events-token") } };
            using var refused = new HttpRequestMessage(HttpMethod.Get, "/api/v2/auth/introspect") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "another-token") } };
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(accepted)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(refused)).StatusCode);
        }
        finally
        {
            simulator.Kill(entireProcessTree: true);
            await simulator.WaitForExitAsync();
        }
    }

    private static async Task StopAsync(System.Diagnostics.Process process)
    {
        await CliProcess.SignalAsync(process, "INT");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
    }
}
