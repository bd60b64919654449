using OnePasswordGraph.Cli.Demo;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary><c>demo</c> as a real process against the real Neo4j: sync, sample queries, and a clean slate each run.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class DemoCommandTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string Account = DemoConfiguration.AccountName;
    private const string EventCount = "MATCH (e) WHERE e.account = $account AND e.timestamp IS NOT NULL RETURN count(e) AS c";

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Demo_SyncsTheSimulatedAccountAndEverySampleQueryFindsWhatWasPlanted()
    {
        var (exitCode, output) = await CliProcess.RunAsync(Neo4jEnvironment(), "demo", "--seed", "5", "--events", "1500");

        Assert.True(exitCode == 0, output);
        Assert.Equal(1500, await neo4j.CountAsync(EventCount, Parameters()));
        foreach (var query in SampleQueries.All)
        {
            var rows = (await neo4j.QueryAsync(query.Cypher, Parameters())).Rows;
            Assert.True(rows.Count > 0, $"'{query.Title}' found nothing");
            Assert.Contains($"## {query.Title}", output, StringComparison.Ordinal);
        }

        // The planted guessing burst against one person, and the spray: one address, one failure for each of many people.
        var bursts = (await neo4j.QueryAsync(SampleQueries.All.Single(q => q.Title.StartsWith("Failed sign-in", StringComparison.Ordinal)).Cypher, Parameters())).Records().ToList();
        var guessing = Assert.Single(bursts, b => (string?)b["ip"] == ScenarioCatalog.UnusualPlaces[1].IpAddress);
        Assert.Equal(25L, guessing["failures"]);
        var spray = Assert.Single(bursts, b => (string?)b["ip"] == ScenarioCatalog.UnusualPlaces[2].IpAddress);
        Assert.Equal(15, Assert.IsAssignableFrom<System.Collections.IEnumerable>(spray["users"]).Cast<object>().Count());
        Assert.Equal(2, bursts.Count);

        // Every planted example is listed by its rule id, and its events are in the graph, the dormant users' older
        // history (before the span) included. Identifiers depend on the seed and purpose, not on the clock.
        var planted = ActivityGenerator.Generate(
            InventoryGenerator.Generate(5, purpose: ScenarioPurpose.Demo), 5, 1500, TimeSpan.FromDays(28), DateTimeOffset.UnixEpoch.AddYears(56), ScenarioPurpose.Demo);
        Assert.Equal(29, planted.Anomalies.Select(a => a.RuleId).Distinct().Count());
        Assert.All(planted.Anomalies, a => Assert.Contains($"  - {a.RuleId}: ", output, StringComparison.Ordinal));
        var keys = planted.Events.Select(e => e.Uuid).ToList();
        Assert.Equal(keys.Count, await neo4j.CountAsync(
            "MATCH (e) WHERE e.account = $account AND e.timestamp IS NOT NULL AND e._key IN $keys RETURN count(e) AS c",
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["account"] = Account, ["keys"] = keys }));
        Assert.DoesNotContain("(no rows)", output, StringComparison.Ordinal);

        // The response ran as a dry run for the critical findings: recorded, linked to its finding, nobody suspended.
        var dryRuns = await neo4j.CountAsync(
            "MATCH (:one_password_alert {severity: 'critical'})-[:TRIGGERED]->(r:one_password_response_action {result: 'dry-run'}) WHERE r.account = $account RETURN count(r) AS c", Parameters());
        Assert.True(dryRuns > 0, "the demo's dry-run response recorded nothing");
        Assert.Contains("delivery: suspend-user ", output, StringComparison.Ordinal);
        Assert.Equal(0, await neo4j.CountAsync("MATCH (r:one_password_response_action {result: 'suspended'}) RETURN count(r) AS c"));
        var canaries = InventoryGenerator.Generate(5).SecretCanaries.ToList();
        Assert.Equal(canaries, InventoryGenerator.Generate(5, now: DateTimeOffset.UnixEpoch.AddYears(60)).SecretCanaries);
        Assert.All(canaries, canary => Assert.DoesNotContain(canary, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Demo_RunAgain_ReplacesThePreviousDemoAndLeavesOtherAccountsAlone()
    {
        await neo4j.QueryAsync(
            "CREATE (:one_password_user:User {_key: 'keep-me', _type: 'one_password_user', account: 'default', email: 'real@example.com'})"
            + "-[:PERFORMED {account: 'default'}]->(:one_password_signin_attempt_event:Record {_key: 'keep-event', _type: 'one_password_signin_attempt_event', account: 'default', timestamp: 1})");

        var first = await CliProcess.RunAsync(Neo4jEnvironment(), "demo", "--seed", "6", "--events", "1200");
        var second = await CliProcess.RunAsync(Neo4jEnvironment(), "demo", "--seed", "8", "--events", "900");

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Matches(@"Erased the previous demo: [1-9]\d* nodes\.", second.Output);
        Assert.Equal(900, await neo4j.CountAsync(EventCount, Parameters()));
        Assert.Equal(1, await neo4j.CountAsync(
            "MATCH (:one_password_user {_key: 'keep-me'})-[:PERFORMED]->(e:one_password_signin_attempt_event {_key: 'keep-event'}) WHERE e.account = 'default' RETURN count(e) AS c"));
        Assert.Equal(0, await neo4j.CountAsync(
            "MATCH (s:one_password_sync_state) WHERE s.account = $account AND s.leaseHolder IS NOT NULL RETURN count(s) AS c", Parameters()));
    }

    [Fact]
    public async Task Demo_Neo4jUrlWithoutPassword_Exits2AndNamesTheMissingKey()
    {
        var (exitCode, output) = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["Neo4j__Url"] = neo4j.Url.ToString(), ["OnePassword__Events__Token"] = "tok-real-account-secret" }, "demo", "--events", "100");

        Assert.Equal(2, exitCode);
        Assert.Contains("Neo4j:Password is missing", output, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-real-account-secret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_WithoutNeo4jUrl_UsesTheLocalNeo4jAndABadLocalPortExits2NamingTheKey()
    {
        // Without Neo4j__Url the demo starts the local Neo4j; LocalNeo4jCommandTests starts one, this only checks its settings.
        var (exitCode, output) = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["LocalNeo4j__HttpPort"] = "not-a-port", ["OnePassword__Events__Token"] = "tok-real-account-secret" }, "demo", "--events", "100");

        Assert.Equal(2, exitCode);
        Assert.Contains("LocalNeo4j__HttpPort 'not-a-port' is not a usable port", output, StringComparison.Ordinal);
        Assert.DoesNotContain("tok-real-account-secret", output, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Neo4jEnvironment() => new()
    {
        ["Neo4j__Url"] = neo4j.Url.ToString(),
        ["Neo4j__User"] = neo4j.User,
        ["Neo4j__Password"] = neo4j.Password,
    };

    private static Dictionary<string, object?> Parameters() => new(StringComparer.Ordinal) { ["account"] = Account };
}
