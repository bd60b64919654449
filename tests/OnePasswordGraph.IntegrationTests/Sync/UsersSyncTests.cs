using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Simulator.Users;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.IntegrationTests.Sync;

/// <summary>The <c>users</c> step from the Users API simulator into the real Neo4j: enrichment, removals, partial listings.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class UsersSyncTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();
    private readonly ScenarioInventory _inventory = InventoryGenerator.Generate(seed: 37, users: 10, vaults: 2, itemsPerVault: 3, now: Now);
    private UsersSimulator _users = null!;
    private AccountSettings _account = null!;

    public async Task InitializeAsync()
    {
        await neo4j.ResetAsync();
        _users = await UsersSimulator.StartAsync(_inventory, new UsersSimulatorOptions(), CancellationToken.None);
        var (clientId, secret) = _users.AddClient();
        _account = new AccountSettings("default", null, null, null, ScenarioSync.Users(_users.BaseUrl, _users.AccountId, clientId, secret, pageSize: 3));
    }

    public async Task DisposeAsync() => await _users.DisposeAsync();

    [Fact]
    public async Task RunAsync_EveryPage_EnrichesOneUserNodePerPerson()
    {
        var summary = await SyncAsync(_account);

        Assert.True(summary.Succeeded, RunSummaryText.Describe(summary));
        Assert.Equal(10, await neo4j.CountAsync("MATCH (:one_password_account {_key: 'default'})-[:HAS]->(u:one_password_user {active: true}) RETURN count(u) AS c"));
        var suspended = _inventory.Users[^1];
        var row = (await neo4j.QueryAsync(
            "MATCH (u:one_password_user {_key: $k}) RETURN u.state AS s, u.email AS e, u.displayName AS d, u.createdOn > 0 AS c, u.userUUID AS id",
            new Dictionary<string, object?> { ["k"] = suspended.Uuid })).Rows.Single();
        Assert.Equal(["suspended", suspended.Email, suspended.Name, true, suspended.Uuid], row);
        Assert.Equal(9, await neo4j.CountAsync("MATCH (u:one_password_user {state: 'active'}) RETURN count(u) AS c"));
    }

    [Fact]
    public async Task RunAsync_AfterEventsWithTheIntrospectedAccountId_EnrichesTheSameNodesTheEventsCreated()
    {
        var activity = ActivityGenerator.Generate(_inventory, seed: 37, count: 400, TimeSpan.FromDays(3), Now);
        await using var events = await EventsApiHarness.StartAsync();
        events.Simulator.Append(activity.Events);
        var token = events.Simulator.AddToken(accountUuid: _inventory.AccountUuid).Token;

        // Without Users:AccountId the account is the one the Events token's introspection names.
        var withEvents = ScenarioSync.Account(events.Simulator.BaseUrl, token, Now.AddDays(-5)) with { Users = _account.Users! with { AccountId = null } };

        var summary = await SyncAsync(withEvents);

        Assert.True(summary.Succeeded, RunSummaryText.Describe(summary));
        Assert.Equal(10, await neo4j.CountAsync("MATCH (u:one_password_user) RETURN count(u) AS c"));
        Assert.Equal(0, await neo4j.CountAsync("MATCH (u:one_password_user) WHERE u.state IS NULL RETURN count(u) AS c"));
        Assert.True(await neo4j.CountAsync("MATCH (u:one_password_user:one_password_item_usage_user)-[:PERFORMED]->() WHERE u.state IS NOT NULL RETURN count(DISTINCT u) AS c") > 0);
    }

    [Fact]
    public async Task RunAsync_UserRemovedFromTheAccount_IsMarkedInactiveNotDeleted_AndAnEventDoesNotReactivateIt()
    {
        await SyncAsync(_account);
        var removed = _inventory.Users[4].Uuid;
        _users.RemoveUser(removed);

        var summary = await SyncAsync(_account);
        var key = new Dictionary<string, object?> { ["k"] = removed };
        var afterListing = (await neo4j.QueryAsync("MATCH (u:one_password_user {_key: $k}) RETURN u.active AS a, u.deletedOn IS NOT NULL AS d", key)).Rows.Single();
        await neo4j.CreateWriter().WriteAsync(
            new GraphChanges([new GraphEntity(OnePasswordNodeTypes.User, removed, new Dictionary<string, object?> { ["userUUID"] = removed, ["name"] = "From an event" })], []),
            new GraphWriteContext("default"),
            CancellationToken.None);
        var afterEvent = (await neo4j.QueryAsync("MATCH (u:one_password_user {_key: $k}) RETURN u.active AS a, u.deletedOn IS NOT NULL AS d, u.syncTag IS NOT NULL AS t", key)).Rows.Single();

        Assert.True(summary.Succeeded, RunSummaryText.Describe(summary));
        Assert.Equal([false, true], afterListing);
        Assert.Equal([false, true, true], afterEvent);
        Assert.Equal(9, await neo4j.CountAsync("MATCH (u:one_password_user {active: true}) RETURN count(u) AS c"));
    }

    [Fact]
    public async Task RunAsync_EventNamingTheUserBetweenListings_DoesNotHideTheirLeaving()
    {
        await SyncAsync(_account);
        var removed = _inventory.Users[2].Uuid;
        var none = new Dictionary<string, object?>();
        await neo4j.CreateWriter().WriteAsync(
            new GraphChanges(
                [new GraphEntity(OnePasswordNodeTypes.User, removed, new Dictionary<string, object?> { ["userUUID"] = removed })],
                [new GraphRelationship(OnePasswordRelationshipTypes.AccountHasUser, "default", removed, none)]),
            new GraphWriteContext("default"),
            CancellationToken.None);
        _users.RemoveUser(removed);

        await SyncAsync(_account);

        Assert.Equal(
            [false, true],
            (await neo4j.QueryAsync("MATCH (u:one_password_user {_key: $k}) RETURN u.active AS a, u.deletedOn IS NOT NULL AS d", new Dictionary<string, object?> { ["k"] = removed })).Rows.Single());
    }

    [Fact]
    public async Task RunAsync_MembershipsFromAVersionThatDidNotTagThem_StillMarkTheLeaverInactive()
    {
        await SyncAsync(_account);
        await neo4j.QueryAsync("MATCH (:one_password_account)-[m:HAS]->(:one_password_user) REMOVE m.syncTag");
        var removed = _inventory.Users[6].Uuid;
        _users.RemoveUser(removed);

        await SyncAsync(_account);

        Assert.Equal(
            [false, true],
            (await neo4j.QueryAsync("MATCH (u:one_password_user {_key: $k}) RETURN u.active AS a, u.deletedOn IS NOT NULL AS d", new Dictionary<string, object?> { ["k"] = removed })).Rows.Single());
        Assert.Equal(9, await neo4j.CountAsync("MATCH (u:one_password_user {active: true}) RETURN count(u) AS c"));
    }

    [Fact]
    public async Task RunAsync_APageFails_MarksNobodyInactive_UntilAListingCompletes()
    {
        await SyncAsync(_account);
        var removed = _inventory.Users[0].Uuid;
        _users.RemoveUser(removed);
        _users.FailFollowingPages();

        var partial = await SyncAsync(_account);
        var activeAfterPartial = await neo4j.CountAsync("MATCH (u:one_password_user {active: true}) RETURN count(u) AS c");
        _users.HealPages();
        var complete = await SyncAsync(_account);

        Assert.Equal(StepStatus.Failure, partial.Steps.Single(s => s.StepId == AccountStepFactory.UsersStep).Status);
        Assert.Equal(10, activeAfterPartial);
        Assert.True(complete.Succeeded, RunSummaryText.Describe(complete));
        Assert.Equal(9, await neo4j.CountAsync("MATCH (u:one_password_user {active: true}) RETURN count(u) AS c"));
    }

    [Fact]
    public async Task RunAsync_PersonInTwoAccountsLeavesOne_StaysActiveUntilTheOtherNoLongerListsThem()
    {
        // The same people (the same user uuids, one node each) in a second account, listed by its own Users API.
        await using var betaUsers = await UsersSimulator.StartAsync(_inventory, new UsersSimulatorOptions(), CancellationToken.None);
        var (clientId, secret) = betaUsers.AddClient();
        var beta = new AccountSettings("beta", null, null, null, ScenarioSync.Users(betaUsers.BaseUrl, betaUsers.AccountId, clientId, secret, pageSize: 3));
        var person = _inventory.Users[4].Uuid;
        var key = new Dictionary<string, object?> { ["k"] = person };
        await SyncAsync(_account);
        await SyncAsync(beta);

        // The first account to list the person owns the node; the other account listed them last.
        _users.RemoveUser(person);
        var leftDefault = await SyncAsync(_account);
        var afterLeavingDefault = (await neo4j.QueryAsync("MATCH (u:one_password_user {_key: $k}) RETURN u.active AS a, u.deletedOn AS d", key)).Rows.Single();
        betaUsers.RemoveUser(person);
        var leftBeta = await SyncAsync(beta);
        var afterLeavingBoth = (await neo4j.QueryAsync("MATCH (u:one_password_user {_key: $k}) RETURN u.active AS a, u.deletedOn IS NOT NULL AS d", key)).Rows.Single();

        Assert.True(leftDefault.Succeeded && leftBeta.Succeeded, RunSummaryText.Describe(leftDefault) + RunSummaryText.Describe(leftBeta));
        Assert.Equal([true, null], afterLeavingDefault);
        Assert.Equal([false, true], afterLeavingBoth);
        Assert.Equal(9, await neo4j.CountAsync("MATCH (u:one_password_user {active: true}) RETURN count(u) AS c"));
        Assert.Equal(
            [["beta", false], ["default", false]],
            (await neo4j.QueryAsync("MATCH (a:one_password_account)-[m:HAS]->(:one_password_user {_key: $k}) RETURN a._key AS a, m.syncTag IS NOT NULL AS listed ORDER BY a", key)).Rows);
    }

    [Fact]
    public async Task Create_WithoutUsersSettings_HasNoUsersStep()
    {
        var summary = await SyncAsync(_account with { Users = null });

        Assert.DoesNotContain(summary.Steps, s => s.StepId == AccountStepFactory.UsersStep);
    }

    private async Task<SyncRunSummary> SyncAsync(AccountSettings account)
    {
        using var runner = ScenarioSync.CreateRunner(neo4j);
        return await runner.RunAsync(account, CancellationToken.None);
    }
}
