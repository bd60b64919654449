using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Delivery.Response;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Response;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Mapping.Users;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Simulator.Users;
using OnePasswordGraph.Sources.Users;
using OnePasswordGraph.Sources.Users.Records;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.IntegrationTests.Delivery;

/// <summary>The suspend-user response against the Users API simulator and the real Neo4j, called as the outbox calls it.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class SuspendUserChannelTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string Account = "default";
    private readonly ScenarioInventory _inventory = InventoryGenerator.Generate(seed: 47, users: 10, vaults: 1, itemsPerVault: 1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly List<UsersClients> _clients = [];
    private UsersSimulator _simulator = null!;
    private UsersSettings _users = null!;

    public async Task InitializeAsync()
    {
        await neo4j.ResetAsync();
        await neo4j.CreateInstaller().ApplyAsync(CancellationToken.None);
        _simulator = await UsersSimulator.StartAsync(_inventory, new UsersSimulatorOptions { TimeProvider = _clock }, CancellationToken.None);
        var (clientId, secret) = _simulator.AddClient();
        _users = ScenarioSync.Users(_simulator.BaseUrl, _simulator.AccountId, clientId, secret);
        var people = _simulator.Users.Select(u => new OnePasswordUser(u.Id, u.Email, u.DisplayName, u.State, u.CreateTime, null)).ToList();
        await neo4j.CreateWriter().WriteAsync(UserMapper.Users(Account, people), new GraphWriteContext(Account, "seed"), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var clients in _clients)
        {
            await clients.DisposeAsync();
        }

        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task DeliverAsync_DryRun_RecordsWhatItWouldDoLinkedToFindingAndUser_AndSendsNoSuspend()
    {
        var member = _inventory.Users[3].Uuid;

        await Channel(Settings(dryRun: true)).DeliverAsync(Alert(member, "finding-1"), CancellationToken.None);

        Assert.Equal([["dry-run", true, "suspend", "rule-a", "finding-1"]], await ActionsAsync(member, "a.result, a.dryRun, a.action, a.ruleId, a.findingFingerprint"));
        Assert.Equal(1, await neo4j.CountAsync(
            "MATCH (:one_password_alert {_key: 'finding-1'})-[:TRIGGERED]->(:one_password_response_action)-[:IMPACTS]->(:one_password_user {_key: $k}) RETURN count(*) AS c", Key(member)));
        Assert.DoesNotContain(_simulator.Requests, r => r.Path.EndsWith(":suspend", StringComparison.Ordinal));
        Assert.Equal("ACTIVE", State(member));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeliverAsync_ProtectedByUuidOrEmail_IsSkippedAndRecorded(bool byEmail)
    {
        var user = _inventory.Users[5];

        await Channel(Settings(dryRun: false, protectedUser: byEmail ? user.Email.ToUpperInvariant() : user.Uuid)).DeliverAsync(Alert(user.Uuid, "finding-2"), CancellationToken.None);

        Assert.Equal([["skipped-protected"]], await ActionsAsync(user.Uuid, "a.result"));
        Assert.DoesNotContain(_simulator.Requests, r => r.Path.EndsWith(":suspend", StringComparison.Ordinal));
        Assert.Equal("ACTIVE", State(user.Uuid));
    }

    [Fact]
    public async Task DeliverAsync_CapPerHour_HoldsAcrossARestart_AndFreesUpAnHourLater()
    {
        var settings = Settings(dryRun: false, maxPerHour: 2);
        var users = _inventory.Users.Skip(2).Take(5).Select(u => u.Uuid).ToList();
        var first = Channel(settings);
        await first.DeliverAsync(Alert(users[0], "f0"), CancellationToken.None);
        await first.DeliverAsync(Alert(users[1], "f1"), CancellationToken.None);
        await first.DeliverAsync(Alert(users[2], "f2"), CancellationToken.None);

        var restarted = Channel(settings);
        await restarted.DeliverAsync(Alert(users[3], "f3"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(61));
        await restarted.DeliverAsync(Alert(users[4], "f4"), CancellationToken.None);

        var results = await Task.WhenAll(users.Select(async u => (string)(await ActionsAsync(u, "a.result")).Single()[0]!));
        Assert.Equal(["suspended", "suspended", "skipped-cap", "skipped-cap", "suspended"], results);
        Assert.Equal(["SUSPENDED", "SUSPENDED", "ACTIVE", "ACTIVE", "SUSPENDED"], users.Select(State));
    }

    [Fact]
    public async Task DeliverAsync_WorkersDeliveringAtOnce_NeverSuspendMoreThanTheCap()
    {
        // Seven workers (or accounts synced at once), each delivering its own finding at the same moment; the first two
        // users are the owner and an administrator, whom the API refuses to suspend.
        var users = _inventory.Users.Skip(2).Take(7).Select(u => u.Uuid).ToList();
        var settings = Settings(dryRun: false, maxPerHour: 3);
        var workers = users.Select(_ => Channel(settings)).ToList();

        await Task.WhenAll(workers.Select((worker, i) => Task.Run(() => worker.DeliverAsync(Alert(users[i], "f" + i), CancellationToken.None))));

        var results = await Task.WhenAll(users.Select(async u => (string)(await ActionsAsync(u, "a.result")).Single()[0]!));
        Assert.True(results.Count(r => r == "suspended") == 3, string.Join(", ", results));
        Assert.Equal(4, results.Count(r => r == "skipped-cap"));
        Assert.Equal(3, users.Count(u => State(u) == "SUSPENDED"));
    }

    [Fact]
    public async Task DeliverAsync_AttemptThatSuspendedNobody_GivesItsPlaceUnderTheCapBack()
    {
        var users = _inventory.Users.Skip(3).Take(2).Select(u => u.Uuid).ToList();
        var settings = Settings(dryRun: false, maxPerHour: 1);
        var channel = Channel(settings);
        await _simulator.DisposeAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => channel.DeliverAsync(Alert(users[0], "f-down"), CancellationToken.None));
        _simulator = await UsersSimulator.StartAsync(_inventory, new UsersSimulatorOptions { TimeProvider = _clock }, CancellationToken.None);
        var (clientId, secret) = _simulator.AddClient();
        _users = ScenarioSync.Users(_simulator.BaseUrl, _simulator.AccountId, clientId, secret);
        await Channel(settings).DeliverAsync(Alert(users[1], "f-up"), CancellationToken.None);

        Assert.Equal([["failed"]], await ActionsAsync(users[0], "a.result"));
        Assert.Equal([["suspended"]], await ActionsAsync(users[1], "a.result"));
        Assert.Equal("SUSPENDED", State(users[1]));
    }

    [Fact]
    public async Task DeliverAsync_RealSuspend_ChangesTheSimulatorsState()
    {
        var member = _inventory.Users[6].Uuid;

        await Channel(Settings(dryRun: false)).DeliverAsync(Alert(member, "finding-3"), CancellationToken.None);

        Assert.Equal("SUSPENDED", State(member));
        Assert.Equal([["suspended", false, null]], await ActionsAsync(member, "a.result, a.dryRun, a.error"));
    }

    [Fact]
    public async Task DeliverAsync_NoConfiguredAccountId_UsesTheAccountUuidTheSyncStored()
    {
        var member = _inventory.Users[8].Uuid;
        await neo4j.CreateWriter().WriteAsync(
            new GraphChanges([new GraphEntity(OnePasswordNodeTypes.Account, Account, new Dictionary<string, object?> { ["name"] = Account, ["accountUUID"] = _simulator.AccountId })], []),
            new GraphWriteContext(Account),
            CancellationToken.None);
        _users = _users with { AccountId = null };

        await Channel(Settings(dryRun: false)).DeliverAsync(Alert(member, "finding-7"), CancellationToken.None);

        Assert.Equal("SUSPENDED", State(member));
    }

    [Theory]
    [InlineData(0, "last owner")]
    [InlineData(1, "externally managed admin")]
    public async Task DeliverAsync_ApiRefuses_RecordsRefusedReturnsNormallyAndDoesNotRetry(int index, string reason)
    {
        var user = _inventory.Users[index].Uuid;

        await Channel(Settings(dryRun: false)).DeliverAsync(Alert(user, "finding-4"), CancellationToken.None);

        var row = (await ActionsAsync(user, "a.result, a.error")).Single();
        Assert.Equal("refused", row[0]);
        Assert.Contains(reason, (string)row[1]!, StringComparison.Ordinal);
        Assert.Single(_simulator.Requests, r => r.Path.EndsWith(":suspend", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliverAsync_FirstFlaggedIsNotAUser_DoesNothing()
    {
        await Channel(Settings(dryRun: false)).DeliverAsync(Alert("some-event-uuid", "finding-5"), CancellationToken.None);

        Assert.Equal(0, await neo4j.CountAsync("MATCH (a:one_password_response_action) RETURN count(a) AS c"));
        Assert.Empty(_simulator.Requests);
    }

    [Fact]
    public async Task DeliverAsync_ApiUnreachable_RecordsFailedAndThrowsSoTheOutboxTriesAgain()
    {
        var member = _inventory.Users[7].Uuid;
        var channel = Channel(Settings(dryRun: false));
        await _simulator.DisposeAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => channel.DeliverAsync(Alert(member, "finding-6"), CancellationToken.None));

        Assert.True(error is UsersApiException { IsTransient: true } or RetryDeadlineExceededException, error.ToString());
        Assert.Equal([["failed"]], await ActionsAsync(member, "a.result"));
        _simulator = await UsersSimulator.StartAsync(_inventory, new UsersSimulatorOptions { TimeProvider = _clock }, CancellationToken.None);
    }

    [Fact]
    public void Accepts_RuleIdsAndMinSeverity_BothMustHold()
    {
        var channel = Channel(new SuspendUserSettings(new HashSet<string> { "rule-a" }, AlertSeverity.High, true, new HashSet<string>(), 5));

        Assert.True(channel.Accepts(Alert("u", "f") with { Severity = AlertSeverity.Critical }));
        Assert.False(channel.Accepts(Alert("u", "f") with { Severity = AlertSeverity.Medium }));
        Assert.False(channel.Accepts(Alert("u", "f") with { RuleId = "rule-b" }));
    }

    private static AlertMessage Alert(string flagged, string fingerprint) => new(
        fingerprint, "rule-a", "Rule A", AlertSeverity.Critical, "summary", Account, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, [flagged, "evidence-key"], ["evidence-key"]);

    private static SuspendUserSettings Settings(bool dryRun, string? protectedUser = null, int maxPerHour = 5) => new(
        new HashSet<string> { "rule-a" }, null, dryRun, new HashSet<string>(protectedUser is null ? [] : [protectedUser], StringComparer.OrdinalIgnoreCase), maxPerHour);

    private static Dictionary<string, object?> Key(string key) => new() { ["k"] = key };

    private SuspendUserChannel Channel(SuspendUserSettings settings)
    {
        var clients = new UsersClients(TestHttpClients.Create(), _clock);
        _clients.Add(clients);
        var actions = new ResponseActions(neo4j.Runner, neo4j.CreateWriter(_clock));
        var retry = new TransientRetry("1Password", new RetryOptions { InitialDelay = TimeSpan.FromMilliseconds(10), MaxRetryAttempts = 1 }, TimeProvider.System, NullLogger.Instance);
        var responder = new UserResponder(new Dictionary<string, UsersSettings> { [Account] = _users }, clients, actions, retry, _clock, NullLogger.Instance);
        return new SuspendUserChannel(settings, responder, actions, _clock, NullLogger.Instance);
    }

    private string State(string uuid) => _simulator.Users.Single(u => u.Id == uuid).State;

    private async Task<IReadOnlyList<IReadOnlyList<object?>>> ActionsAsync(string user, string columns) =>
        (await neo4j.QueryAsync($"MATCH (a:one_password_response_action {{targetUserUUID: $k}}) RETURN {columns} ORDER BY a.requestedOn", Key(user))).Rows;
}
