using System.Globalization;
using System.Net;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Testing;
using Xunit.Abstractions;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary><c>alerts report</c> after <c>sync</c> and <c>alerts run</c>, as real processes, and its page in real headless Chromium.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class AlertsReportCommandTests(Neo4jServerFixture neo4j, ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    private readonly DirectoryInfo _directory = Directory.CreateDirectory(
        Path.Combine(RepositoryRoot.Path, "artifacts", "test-results", "report", Guid.NewGuid().ToString("N")[..12]));

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AlertsReport_PlantedScenario_WritesAPageNamingEveryFindingThatChromiumShowsWithoutErrors()
    {
        await using var api = await EventsApiHarness.StartScenarioAsync(seed: 44, users: 40, count: 2500, Now);
        var environment = CliProcess.Environment(neo4j, api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-60).ToString("o", CultureInfo.InvariantCulture));
        environment["Alerts__Enabled"] = "false";
        Assert.Equal(0, (await CliProcess.RunAsync(environment, "sync")).ExitCode);
        var run = await CliProcess.RunAsync(GraphOnly(), "alerts", "run", "--since", "60d");
        Assert.True(run.ExitCode == 0, run.Output);
        var page = Path.Combine(_directory.FullName, "report.html");

        var report = await CliProcess.RunAsync(GraphOnly(), "alerts", "report", "--html", page, "--since", "60d");

        Assert.True(report.ExitCode == 0, report.Output);
        var stored = (await neo4j.QueryAsync("MATCH (a:one_password_alert) RETURN a.ruleId AS rule, a.summary AS summary")).Rows;
        Assert.NotEmpty(stored);
        var html = await File.ReadAllTextAsync(page);
        Assert.All(stored, row => Assert.Contains(WebUtility.HtmlEncode((string)row[0]!), html, StringComparison.Ordinal));
        Assert.All(stored, row => Assert.Contains(WebUtility.HtmlEncode((string)row[1]!), html, StringComparison.Ordinal));
        Assert.Contains($"Wrote {stored.Count} findings to {page}", report.Output, StringComparison.Ordinal);
        Assert.Contains("<text class=\"edge\"", html, StringComparison.Ordinal);

        var screenshot = Path.Combine(_directory.FullName, "report.png");
        var shot = await HeadlessChromium.OpenAsync(page, $"--screenshot={screenshot}");
        var dom = await HeadlessChromium.OpenAsync(page, "--dump-dom");
        log.WriteLine($"report: {page}\nscreenshot: {screenshot}");

        Assert.True(shot.ExitCode == 0, shot.Error);
        Assert.Empty(HeadlessChromium.ConsoleErrors(shot.Error + dom.Error));
        Assert.True(new FileInfo(screenshot).Length > 0, $"Chromium wrote no screenshot at {screenshot}");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(screenshot))[..4]);
        Assert.Equal(stored.Count, CountOf(dom.Output, "<section class=\"card "));
        Assert.Equal(stored.Count, CountOf(dom.Output, "<svg class=\"graph\""));
    }

    [Fact]
    public async Task HeadlessChromium_PageWithAScriptError_ReportsIt()
    {
        var page = Path.Combine(_directory.FullName, "broken.html");
        await File.WriteAllTextAsync(page, "<!DOCTYPE html><html><body><p>x</p><script>notDefinedAnywhere();</script></body></html>");

        var (_, _, error) = await HeadlessChromium.OpenAsync(page, "--dump-dom");

        Assert.NotEmpty(HeadlessChromium.ConsoleErrors(error));
    }

    [Fact]
    public async Task AlertsReport_NoFindings_WritesAPageThatSaysSo()
    {
        var page = Path.Combine(_directory.FullName, "empty.html");

        var (exitCode, output) = await CliProcess.RunAsync(GraphOnly(), "alerts", "report", "--html", page);

        Assert.True(exitCode == 0, output);
        Assert.Contains("No findings", await File.ReadAllTextAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertsReport_BadSince_Exits2()
    {
        var page = Path.Combine(_directory.FullName, "never.html");

        var (exitCode, output) = await CliProcess.RunAsync(GraphOnly(), "alerts", "report", "--html", page, "--since", "soon");

        Assert.Equal(2, exitCode);
        Assert.Contains("--since 'soon' is not a duration", output, StringComparison.Ordinal);
        Assert.False(File.Exists(page));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private Dictionary<string, string> GraphOnly() => new()
    {
        ["Neo4j__Url"] = neo4j.Url.ToString(),
        ["Neo4j__User"] = neo4j.User,
        ["Neo4j__Password"] = neo4j.Password,
    };
}
