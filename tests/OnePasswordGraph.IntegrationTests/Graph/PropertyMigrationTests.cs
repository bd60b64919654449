using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Graph;

/// <summary>
/// The one-time move to JupiterOne's property names, on a graph holding what the previous version wrote (its property
/// names, as its writer stored them).
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class PropertyMigrationTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private const string PreviousVersionGraph = """
        CREATE (:one_password_item_usage_event:Record {_key: 'u1', account: 'acme', accountUUID: 'A1', locationCountry: 'US', locationRegion: 'Oregon', locationCity: 'Portland', latitude: 45.5})
        CREATE (:one_password_signin_attempt_event:Record {_key: 's1', account: 'acme', userUUID: 'U1', accountUUID: 'A1', country: 'RU', locationCountry: 'DE', locationCity: 'Berlin'})
        CREATE (:one_password_signin_attempt_event:Record {_key: 's2', account: 'acme', userUUID: 'U2', locationCountry: 'FR'})
        CREATE (:one_password_audit_event:Record {_key: 'a1', account: 'acme', deviceUUID: 'D1', sessionLoginTime: 1747170454703, locationCountry: 'CA'})
        CREATE (:one_password_user:User {_key: 'U1', account: 'acme', userType: 'external_user', userAccountUUID: 'P1'})
        """;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Apply_GraphWithThePreviousNames_MovesEveryValueToItsPublishedNameOnce()
    {
        await neo4j.QueryAsync(PreviousVersionGraph);

        await neo4j.CreateInstaller().ApplyAsync(CancellationToken.None);

        Assert.Equal(
            new Dictionary<string, object?> { ["_key"] = "u1", ["account"] = "acme", ["mspAccountUUID"] = "A1", ["country"] = "US", ["region"] = "Oregon", ["city"] = "Portland", ["latitude"] = 45.5 },
            await PropertiesAsync("u1"));
        Assert.Equal(
            new Dictionary<string, object?> { ["_key"] = "s1", ["account"] = "acme", ["targetUserUUID"] = "U1", ["mspAccountUUID"] = "A1", ["country"] = "RU", ["city"] = "Berlin" },
            await PropertiesAsync("s1"));
        Assert.Equal(
            new Dictionary<string, object?> { ["_key"] = "s2", ["account"] = "acme", ["targetUserUUID"] = "U2", ["country"] = "FR" },
            await PropertiesAsync("s2"));
        Assert.Equal(
            new Dictionary<string, object?> { ["_key"] = "a1", ["account"] = "acme", ["sessionDeviceUUID"] = "D1", ["sessionLoginOn"] = 1747170454703L, ["country"] = "CA" },
            await PropertiesAsync("a1"));
        Assert.Equal(
            new Dictionary<string, object?> { ["_key"] = "U1", ["account"] = "acme", ["mspUserType"] = "external_user", ["mspUserAccountId"] = "P1" },
            await PropertiesAsync("U1"));
        Assert.Equal(1, await neo4j.CountAsync(
            "MATCH (s:one_password_sync_state {_key: $key}) RETURN count(s) AS c", new Dictionary<string, object?> { ["key"] = "migration:" + OnePasswordMigrations.JupiterOneNames.Id }));
    }

    [Fact]
    public async Task Migrate_AfterItRan_IsRecordedAndDoesNotRunAgain()
    {
        var installer = neo4j.CreateInstaller();
        await neo4j.QueryAsync(PreviousVersionGraph);
        var first = await installer.MigrateAsync(OnePasswordMigrations.JupiterOneNames, CancellationToken.None);
        await neo4j.QueryAsync("CREATE (:one_password_item_usage_event:Record {_key: 'u9', account: 'acme', locationCountry: 'NZ'})");

        var second = await installer.MigrateAsync(OnePasswordMigrations.JupiterOneNames, CancellationToken.None);

        Assert.Equal(15, first);
        Assert.Equal(0, second);
        Assert.Equal(new Dictionary<string, object?> { ["_key"] = "u9", ["account"] = "acme", ["locationCountry"] = "NZ" }, await PropertiesAsync("u9"));
    }

    [Fact]
    public async Task Migrate_FindingsThatFlaggedAnotherAccountsNodes_LosesOnlyThoseLinks()
    {
        // What the previous store statement wrote when account beta's finding named uuids that account acme owns.
        await neo4j.QueryAsync("""
            CREATE (a:one_password_alert:Finding {_key: 'f-beta', account: 'beta'})
            CREATE (s:one_password_secret {_key: 's1', account: 'acme'}), (own:one_password_secret {_key: 's2', account: 'beta'})
            CREATE (e:one_password_item_usage_event:Record {_key: 'e1', account: 'acme'}), (u:one_password_user:User {_key: 'U1', account: 'acme'})
            CREATE (a)-[:FLAGS {account: 'beta'}]->(s), (a)-[:FLAGS {account: 'beta'}]->(own), (a)-[:FLAGS {account: 'beta'}]->(e), (a)-[:FLAGS {account: 'beta'}]->(u)
            """);

        var removed = await neo4j.CreateInstaller().MigrateAsync(OnePasswordMigrations.FindingsFlagOwnAccount, CancellationToken.None);

        Assert.Equal(2, removed);
        var flagged = await neo4j.QueryAsync("MATCH (:one_password_alert {_key: 'f-beta'})-[:FLAGS]->(t) RETURN t._key AS key ORDER BY key");
        Assert.Equal(["U1", "s2"], flagged.Rows.Select(row => (string)row[0]!));
    }

    private async Task<Dictionary<string, object?>> PropertiesAsync(string key)
    {
        var result = await neo4j.QueryAsync("MATCH (n {_key: $key}) WHERE NOT n:one_password_sync_state RETURN properties(n) AS p", new Dictionary<string, object?> { ["key"] = key });
        var properties = (IReadOnlyDictionary<string, object?>)Assert.Single(result.Rows)[0]!;
        return properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
    }
}
