using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Simulator.Users;

namespace OnePasswordGraph.IntegrationTests.Cli;

/// <summary><c>users suspend|reactivate</c> as real processes against the Users API simulator and a real Neo4j.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class UsersCommandTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private readonly ScenarioInventory _inventory = InventoryGenerator.Generate(seed: 53, users: 6, vaults: 1, itemsPerVault: 1);
    private UsersSimulator _simulator = null!;
    private Dictionary<string, string> _environment = null!;

    public async Task InitializeAsync()
    {
        await neo4j.ResetAsync();
        _simulator = await UsersSimulator.StartAsync(_inventory, new UsersSimulatorOptions(), CancellationToken.None);
        var (clientId, secret) = _simulator.AddClient();
        _environment = new Dictionary<string, string>
        {
            ["OnePassword__Users__BaseUrl"] = _simulator.BaseUrl.ToString(),
            ["OnePassword__Users__AccountId"] = _simulator.AccountId,
            ["OnePassword__Users__ClientId"] = clientId,
            ["OnePassword__Users__ClientSecret"] = secret,
            ["Neo4j__Url"] = neo4j.Url.ToString(),
            ["Neo4j__User"] = neo4j.User,
            ["Neo4j__Password"] = neo4j.Password,
        };
    }

    public async Task DisposeAsync() => await _simulator.DisposeAsync();

    [Fact]
    public async Task Suspend_DryRun_Exits0RecordsItAndSendsNothing()
    {
        var member = _inventory.Users[2].Uuid;

        var (exitCode, output, error) = await CliProcess.RunApartAsync(_environment, "users", "suspend", "--user", member, "--dry-run");

        Assert.True(exitCode == 0, error);
        Assert.Contains($"suspend {member}: dry-run", output, StringComparison.Ordinal);
        Assert.Equal(1, await neo4j.CountAsync(
            "MATCH (a:one_password_response_action {requestedBy: 'cli', result: 'dry-run', dryRun: true})-[:IMPACTS]->(:one_password_user {_key: $k}) RETURN count(a) AS c", Key(member)));
        Assert.DoesNotContain(_simulator.Requests, r => r.Path.Contains(':', StringComparison.Ordinal));
        Assert.Equal("ACTIVE", State(member));
    }

    [Fact]
    public async Task SuspendThenReactivate_ChangeTheUserAndRecordBoth()
    {
        var member = _inventory.Users[3].Uuid;

        var suspend = await CliProcess.RunApartAsync(_environment, "users", "suspend", "--user", member);
        var stateAfterSuspend = State(member);
        var reactivate = await CliProcess.RunApartAsync(_environment, "users", "reactivate", "--user", member);

        Assert.True(suspend.ExitCode == 0, suspend.Error);
        Assert.True(reactivate.ExitCode == 0, reactivate.Error);
        Assert.Equal(("SUSPENDED", "ACTIVE"), (stateAfterSuspend, State(member)));
        var results = (await neo4j.QueryAsync("MATCH (a:one_password_response_action {targetUserUUID: $k}) RETURN a.action, a.result ORDER BY a.requestedOn", Key(member))).Rows;
        Assert.Equal([["suspend", "suspended"], ["reactivate", "reactivated"]], results);
    }

    [Fact]
    public async Task Suspend_LastOwner_Exits1WithTheRefusalRecorded()
    {
        var owner = _inventory.Users[0].Uuid;

        var (exitCode, _, error) = await CliProcess.RunApartAsync(_environment, "users", "suspend", "--user", owner);

        Assert.Equal(1, exitCode);
        Assert.Contains("refused", error, StringComparison.Ordinal);
        Assert.Contains("last owner", error, StringComparison.Ordinal);
        Assert.Equal(1, await neo4j.CountAsync("MATCH (a:one_password_response_action {result: 'refused', targetUserUUID: $k}) RETURN count(a) AS c", Key(owner)));
    }

    [Fact]
    public async Task Suspend_WithoutUsersApiSettings_Exits2()
    {
        var environment = new Dictionary<string, string>(_environment);
        environment.Remove("OnePassword__Users__ClientId");
        environment["OnePassword__Connect__BaseUrl"] = "http://127.0.0.1:1";
        environment["OnePassword__Connect__Token"] = "unused";

        var (exitCode, _, error) = await CliProcess.RunApartAsync(environment, "users", "suspend", "--user", _inventory.Users[2].Uuid);

        Assert.Equal(2, exitCode);
        Assert.Contains("OnePassword:Users:ClientId is missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ShowsAnExampleAndTheExitCodes()
    {
        var (exitCode, output, _) = await CliProcess.RunApartAsync(_environment, "users", "suspend", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Example: onepassword-graph users suspend --user", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0", output, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Key(string key) => new() { ["k"] = key };

    private string State(string uuid) => _simulator.Users.Single(u => u.Id == uuid).State;
}
