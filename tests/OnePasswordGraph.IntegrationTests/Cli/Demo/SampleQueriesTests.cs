using OnePasswordGraph.Cli.Demo;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Cli.Demo;

/// <summary>The burst queries on the real Neo4j, with bursts placed across the edges of their counting windows.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class SampleQueriesTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Hour = new(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(-6)]
    [InlineData(-20)]
    [InlineData(-31)]
    public async Task FailedSignInBursts_BurstAcrossAnHourEdge_IsCountedWhole(int startMinutes)
    {
        await neo4j.QueryAsync(
            "CREATE (u:one_password_user {_key: 'u1', account: 'a', email: 'target@example.com'}) "
            + "WITH u UNWIND range(0, 24) AS i "
            + "CREATE (u)-[:PERFORMED]->(:one_password_signin_attempt_event {_key: 'f' + toString(i), account: 'a', category: 'credentials_failed', "
            + "ipAddress: '198.51.100.201', country: 'BR', timestamp: $start + i * 30000})",
            Parameters(startMinutes));

        var burst = Assert.Single((await neo4j.QueryAsync(Query("Failed sign-in"), Parameters(startMinutes))).Records());

        Assert.Equal(25L, burst["failures"]);
        Assert.Equal(Parameters(startMinutes)["start"], burst["firstAt"]);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(-9)]
    [InlineData(-15)]
    public async Task RevealBursts_BurstAcrossAWindowEdge_IsCountedWhole(int startMinutes)
    {
        await neo4j.QueryAsync(
            "CREATE (u:one_password_user {_key: 'u1', account: 'a', email: 'insider@example.com'}) "
            + "WITH u UNWIND range(0, 29) AS i "
            + "CREATE (u)-[:PERFORMED]->(:one_password_item_usage_event {_key: 'r' + toString(i), account: 'a', action: 'reveal', "
            + "itemUUID: 'item' + toString(i), timestamp: $start + i * 20000})",
            Parameters(startMinutes));

        var burst = Assert.Single((await neo4j.QueryAsync(Query("Reveal"), Parameters(startMinutes))).Records());

        Assert.Equal(30L, burst["uses"]);
        Assert.Equal(30L, burst["distinctItems"]);
    }

    private static string Query(string titleStart) => SampleQueries.All.Single(q => q.Title.StartsWith(titleStart, StringComparison.Ordinal)).Cypher;

    private static Dictionary<string, object?> Parameters(int startMinutes) => new(StringComparer.Ordinal)
    {
        ["account"] = "a",
        ["start"] = Hour.AddMinutes(startMinutes).ToUnixTimeMilliseconds(),
    };
}
