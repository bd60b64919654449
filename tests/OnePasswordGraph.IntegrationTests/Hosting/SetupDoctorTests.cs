using Microsoft.Extensions.DependencyInjection;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Hosting;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Hosting.Doctor;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Simulator.Connect;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Hosting;

/// <summary><c>doctor</c>'s checks against the simulators and the real Neo4j: a good setup, then one mistake at a time.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class SetupDoctorTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private readonly ScenarioInventory _inventory = InventoryGenerator.Generate(seed: 5, users: 4, vaults: 3, itemsPerVault: 2, now: TimeProvider.System.GetUtcNow());
    private EventsApiHarness _events = null!;
    private ConnectSimulator _connect = null!;

    public async Task InitializeAsync()
    {
        await neo4j.ResetAsync();
        await neo4j.CreateInstaller().ApplyAsync(CancellationToken.None);
        _events = await EventsApiHarness.StartAsync();
        _connect = await ConnectSimulator.StartAsync(_inventory, 0, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _connect.DisposeAsync();
        await _events.DisposeAsync();
    }

    [Fact]
    public async Task RunAsync_GoodSetup_EveryCheckPassesAndNamesWhatItFound()
    {
        var checks = await DoctorAsync(Configuration());

        // The tests' Neo4j 3.1 works, but is older than what production runs on: a warning, not a failure.
        Assert.All(checks.Where(c => c.Name != "server"), check => Assert.Equal(DoctorVerdict.Ok, check.Verdict));
        Assert.Equal(neo4j.Server.Version < new Neo4jVersion(4, 4, 0) ? DoctorVerdict.Warning : DoctorVerdict.Ok, Find(checks, "server").Verdict);
        Assert.Equal(
            ["default / Events API region", "default / Events API token", "default / Events API features", "default / Connect health", "default / Connect vaults", "Neo4j server", "Neo4j protocol", "Neo4j credentials", "Neo4j schema"],
            checks.Select(c => $"{c.Subject} {c.Name}"));
        Assert.Contains("auditevents, itemusages, signinattempts", Find(checks, "features").Detail, StringComparison.Ordinal);
        Assert.Contains($"sees {_inventory.Vaults.Count} vault(s)", Find(checks, "vaults").Detail, StringComparison.Ordinal);
        Assert.Contains(neo4j.Server.Version.ToString(), Find(checks, "server").Detail, StringComparison.Ordinal);
        Assert.StartsWith("transactional endpoint: the server's discovery offers the transactional endpoint", Find(checks, "protocol").Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Neo4jProtocol.Auto, "Query API: the server's discovery offers no transactional endpoint (/db/neo4j/query/v2)")]
    [InlineData(Neo4jProtocol.Query, "Query API: set by Neo4j__Protocol (/db/neo4j/query/v2)")]
    public async Task RunAsync_AuraLikeServer_ReportsTheQueryApiAndWhyWithEveryCheckPassing(Neo4jProtocol protocol, string expected)
    {
        var configuration = Configuration();
        configuration = configuration with { Neo4j = configuration.Neo4j with { Url = neo4j.QueryApiDouble.Url, Protocol = protocol } };

        var checks = await DoctorAsync(configuration);

        Assert.Equal(expected, Find(checks, "protocol").Detail);
        Assert.Contains("Neo4j 5.27.0 enterprise", Find(checks, "server").Detail, StringComparison.Ordinal);
        Assert.All(checks, check => Assert.Equal(DoctorVerdict.Ok, check.Verdict));
    }

    [Fact]
    public async Task RunAsync_TokenOfAnotherRegion_FailsTheRegionCheckNamingTheRightHost()
    {
        var token = _events.Simulator.AddToken(audienceHost: "events.1password.eu").Token;

        var checks = await DoctorAsync(Configuration(eventsToken: token));

        var region = Find(checks, "region");
        Assert.Equal(DoctorVerdict.Failed, region.Verdict);
        Assert.Contains("issued for events.1password.eu", region.Detail, StringComparison.Ordinal);
        Assert.Contains("https://events.1password.eu", region.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(token, string.Join("\n", checks.Select(c => c.Detail)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RevokedToken_FailsTheTokenCheck()
    {
        var token = _events.Simulator.AddToken().Token;
        _events.Simulator.RevokeToken(token);

        var checks = await DoctorAsync(Configuration(eventsToken: token));

        var check = Find(checks, "token");
        Assert.Equal(DoctorVerdict.Failed, check.Verdict);
        Assert.Contains("rejected the token (HTTP 401", check.Detail, StringComparison.Ordinal);
        Assert.Contains("revoked or expired", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TokenWithoutAFeature_WarnsWhichStreamIsSkipped()
    {
        var token = _events.Simulator.AddToken(features: ["auditevents", "itemusages"]).Token;

        var checks = await DoctorAsync(Configuration(eventsToken: token));

        var check = Find(checks, "features");
        Assert.Equal(DoctorVerdict.Warning, check.Verdict);
        Assert.Contains("lacks signinattempts", check.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(checks, c => c.Verdict == DoctorVerdict.Failed);
    }

    [Fact]
    public async Task RunAsync_ConnectTokenWithoutVaults_FailsTheVaultsCheck()
    {
        var checks = await DoctorAsync(Configuration(connectToken: _connect.AddToken(vaultIds: [])));

        var check = Find(checks, "vaults");
        Assert.Equal(DoctorVerdict.Failed, check.Verdict);
        Assert.Contains("sees no vaults", check.Detail, StringComparison.Ordinal);
        Assert.Equal(DoctorVerdict.Ok, Find(checks, "health").Verdict);
    }

    [Fact]
    public async Task RunAsync_Neo4jUnreachable_FailsTheServerCheck()
    {
        var configuration = Configuration();
        configuration = configuration with { Neo4j = configuration.Neo4j with { Url = new Uri("http://127.0.0.1:9/"), RequestTimeout = TimeSpan.FromSeconds(5) } };

        var checks = await DoctorAsync(configuration);

        var check = Find(checks, "server");
        Assert.Equal(DoctorVerdict.Failed, check.Verdict);
        Assert.Contains("unreachable", check.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(DoctorVerdict.Ok, Find(checks, "token").Verdict);
    }

    [Fact]
    public async Task RunAsync_WrongNeo4jPassword_FailsNamingTheCredentials()
    {
        var configuration = Configuration();
        configuration = configuration with { Neo4j = configuration.Neo4j with { Password = "not-the-password" } };

        var checks = await DoctorAsync(configuration);

        var failed = Assert.Single(checks, c => c.Subject == "Neo4j" && c.Verdict == DoctorVerdict.Failed);
        Assert.Contains("Neo4j__User", failed.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_KeyConstraintReplacedByOneOnAnotherProperty_WarnsThatItIsMissing()
    {
        var modern = neo4j.Server.Version.HasModernSchemaSyntax;
        await neo4j.QueryAsync(modern
            ? "DROP CONSTRAINT opg_one_password_alert_key"
            : "DROP CONSTRAINT ON (n:one_password_alert) ASSERT n._key IS UNIQUE");
        await neo4j.QueryAsync(modern
            ? "CREATE CONSTRAINT decoy_alert_name FOR (n:one_password_alert) REQUIRE n.name IS UNIQUE"
            : "CREATE CONSTRAINT ON (n:one_password_alert) ASSERT n.name IS UNIQUE");
        try
        {
            var checks = await DoctorAsync(Configuration());

            var schema = Find(checks, "schema");
            Assert.Equal(DoctorVerdict.Warning, schema.Verdict);
            Assert.Contains("1 uniqueness constraint(s) missing (one_password_alert)", schema.Detail, StringComparison.Ordinal);
        }
        finally
        {
            await neo4j.QueryAsync(modern
                ? "DROP CONSTRAINT decoy_alert_name"
                : "DROP CONSTRAINT ON (n:one_password_alert) ASSERT n.name IS UNIQUE");
            await neo4j.CreateInstaller().ApplyAsync(CancellationToken.None);
        }
    }

    private static DoctorCheck Find(IReadOnlyList<DoctorCheck> checks, string name) => Assert.Single(checks, c => c.Name == name);

    private ResolvedConfiguration Configuration(string? eventsToken = null, string? connectToken = null)
    {
        var account = ScenarioSync.Account(_events.Simulator.BaseUrl, eventsToken ?? _events.Simulator.AddToken().Token, null)
            with { Connect = ScenarioSync.Connect(_connect.BaseUrl, connectToken ?? _connect.AddToken()) };
        return new ResolvedConfiguration(
            [account], new Neo4jSettings(neo4j.Url, neo4j.User, neo4j.Password, "neo4j", 1000, TimeSpan.FromSeconds(30)), ScheduleSettings.Default, null, [], AlertSettings.Default, DeliverySettings.None);
    }

    private static async Task<IReadOnlyList<DoctorCheck>> DoctorAsync(ResolvedConfiguration configuration)
    {
        await using var services = new ServiceCollection().AddLogging().AddOnePasswordGraph(configuration).BuildServiceProvider();
        return await services.GetRequiredService<SetupDoctor>().RunAsync(configuration, CancellationToken.None);
    }
}
