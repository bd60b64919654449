using System.Globalization;
using System.Text.Json;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary><c>alerts</c> and the rules after <c>sync</c>, as real processes against a real Neo4j.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class AlertsCommandTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sync_PlantedScenario_RunsTheRulesAndStatusListsTheNewFindings()
    {
        await using var api = await StartScenarioAsync();
        var environment = CliProcess.Environment(neo4j, api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-60).ToString("o", CultureInfo.InvariantCulture));

        var sync = await CliProcess.RunAsync(environment, "sync");
        var status = await CliProcess.RunAsync(environment, "status");
        var rerun = await CliProcess.RunApartAsync(GraphOnly(), "alerts", "run", "--format", "json");

        var alerts = await neo4j.CountAsync("MATCH (a:one_password_alert:Finding {account: 'default'}) RETURN count(a) AS c");
        Assert.True(sync.ExitCode == 0, sync.Output);
        Assert.True(alerts > 0, "the planted scenario raised no finding");
        Assert.Contains($"{alerts} new findings", sync.Output, StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"  alerts       ", status.Output, StringComparison.Ordinal);
        Assert.Contains($" rules ran, {alerts} new findings", status.Output, StringComparison.Ordinal);
        // What the pack cost and which rules took most of it, for the operator sizing a worker.
        Assert.Matches($@" rules ran, {alerts} new findings, \d+\.\d s \(slowest: [a-z-]+ \d+\.\d s, [a-z-]+ \d+\.\d s, [a-z-]+ \d+\.\d s\)", status.Output);
        Assert.Contains("    new critical ", status.Output, StringComparison.Ordinal);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(string.Empty, rerun.Output.Trim());
        Assert.Equal(alerts, await neo4j.CountAsync("MATCH (a:one_password_alert) RETURN count(a) AS c"));
    }

    [Fact]
    public async Task AlertsRun_SinceWithOnlyNeo4jSettings_PrintsEachNewFindingAsOneJsonLine()
    {
        await using var api = await StartScenarioAsync();
        var environment = CliProcess.Environment(neo4j, api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-60).ToString("o", CultureInfo.InvariantCulture));
        environment["Alerts__Enabled"] = "false";
        var sync = await CliProcess.RunAsync(environment, "sync");
        Assert.True(sync.ExitCode == 0, sync.Output);
        Assert.Equal(0, await neo4j.CountAsync("MATCH (a:one_password_alert) RETURN count(a) AS c"));

        var (exitCode, output, error) = await CliProcess.RunApartAsync(GraphOnly(), "alerts", "run", "--since", "60d", "--format", "json");

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var stored = (await neo4j.QueryAsync("MATCH (a:one_password_alert) RETURN a._key AS key")).Rows.Select(r => (string)r[0]!).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(lines);
        Assert.Equal(stored, lines.Select(l => l.GetProperty("fingerprint").GetString()!).ToHashSet(StringComparer.Ordinal));
        Assert.All(lines, l => Assert.Equal("default", l.GetProperty("account").GetString()));
        Assert.All(lines, l => Assert.True(l.GetProperty("flagged").GetArrayLength() > 0));
    }

    [Fact]
    public async Task AlertsRun_OneRuleAndTableFormat_PrintsOnlyThatRulesFindings()
    {
        await using var api = await StartScenarioAsync();
        var environment = CliProcess.Environment(neo4j, api.Simulator.BaseUrl, api.Simulator.AddToken().Token, Now.AddDays(-60).ToString("o", CultureInfo.InvariantCulture));
        environment["Alerts__Enabled"] = "false";
        Assert.Equal(0, (await CliProcess.RunAsync(environment, "sync")).ExitCode);

        var (exitCode, output) = await CliProcess.RunAsync(GraphOnly(), "alerts", "run", "--since", "60d", "--rule", "mfa-disabled-account");

        Assert.True(exitCode == 0, output);
        Assert.Contains("alerts: 1 rules, 1 new findings (critical 1)", output, StringComparison.Ordinal);
        Assert.Contains("  critical  mfa-disabled-account", output, StringComparison.Ordinal);
        Assert.Equal(1, await neo4j.CountAsync("MATCH (a:one_password_alert) RETURN count(a) AS c"));
    }

    [Fact]
    public async Task AlertsRun_UnknownRuleOrBadSince_Exits2()
    {
        var unknown = await CliProcess.RunAsync(GraphOnly(), "alerts", "run", "--rule", "no-such-rule");
        var since = await CliProcess.RunAsync(GraphOnly(), "alerts", "run", "--since", "yesterday");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--rule: no loaded rule has the id 'no-such-rule'", unknown.Output, StringComparison.Ordinal);
        Assert.Equal(2, since.ExitCode);
        Assert.Contains("--since 'yesterday' is not a duration", since.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertsRun_Neo4jUnreachable_Exits1()
    {
        var environment = GraphOnly();
        environment["Neo4j__Url"] = $"http://127.0.0.1:{ClosedPort.Find()}";

        var (exitCode, output) = await CliProcess.RunAsync(environment, "alerts", "run");

        Assert.True(exitCode == 1, output);
        Assert.Contains("Neo4j is unreachable", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertsValidate_BrokenAndRejectedRules_Exits2NamingEachFile()
    {
        var directory = Directory.CreateTempSubdirectory("opg-rules-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "typo-field.yaml"), RuleFile("typo-field", "MATCH (e:one_password_audit_event) WHERE e.account = $account AND e.timestamp >= $since AND e.timestamp <= $now") + "colour: red\n");
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "bad-cypher.yaml"), RuleFile("bad-cypher", "MATCH (e:one_password_audit_event WHERE e.account = $account AND e.timestamp >= $since AND e.timestamp <= $now"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "fine.yaml"), RuleFile("fine", "MATCH (e:one_password_audit_event) WHERE e.account = $account AND e.timestamp >= $since AND e.timestamp <= $now"));

            var (exitCode, output) = await CliProcess.RunAsync(GraphOnly(), "alerts", "validate", directory.FullName);

            Assert.Equal(2, exitCode);
            Assert.Contains(Path.Combine(directory.FullName, "typo-field.yaml") + ":", output, StringComparison.Ordinal);
            Assert.Contains("colour", output, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(directory.FullName, "bad-cypher.yaml") + ": Neo4j 3.1.1 rejects the query", output, StringComparison.Ordinal);
            Assert.DoesNotContain("fine.yaml", output, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AlertsListAndExplain_ConfiguredOverride_ShowTheRuleAsItWillRun()
    {
        var environment = new Dictionary<string, string>
        {
            ["Alerts__Rules__reveal-burst__Enabled"] = "false",
            ["Alerts__Rules__reveal-burst__Parameters__minBurst"] = "77",
        };

        var list = await CliProcess.RunAsync(environment, "alerts", "list");
        var explain = await CliProcess.RunAsync(environment, "alerts", "explain", "reveal-burst");
        var unknown = await CliProcess.RunAsync(environment, "alerts", "explain", "no-such-rule");

        Assert.True(list.ExitCode == 0, list.Output);
        Assert.Matches(@"\n  reveal-burst +high +no +\S+ +built-in:reveal-burst\.yaml\n", list.Output);
        Assert.Matches(@"\n  item-export +medium +yes ", list.Output);
        Assert.True(explain.ExitCode == 0, explain.Output);
        Assert.Contains("reveal-burst (high, disabled)", explain.Output, StringComparison.Ordinal);
        Assert.Contains("  $minBurst = 77  (", explain.Output, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
    }

    private Dictionary<string, string> GraphOnly() => new()
    {
        ["Neo4j__Url"] = neo4j.Url.ToString(),
        ["Neo4j__User"] = neo4j.User,
        ["Neo4j__Password"] = neo4j.Password,
    };

    private static string RuleFile(string id, string match) =>
        $"id: {id}\nname: Test rule\ndescription: A rule for the validate command's test.\nseverity: low\ntags: [T1078]\nlookback: 1h\n"
        + $"query: |\n  {match}\n  RETURN [e._key] AS flagged, [e._key] AS evidence, 'x' AS summary, e.timestamp AS occurredOn, e._key AS dedupKey\n";

    private static async Task<EventsApiHarness> StartScenarioAsync()
    {
        var inventory = InventoryGenerator.Generate(seed: 43, users: 40, vaults: 8, itemsPerVault: 6, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 43, count: 2500, TimeSpan.FromDays(21), Now);
        var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(activity.Events);
        return api;
    }
}
