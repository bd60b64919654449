using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.QueryApi;

/// <summary>
/// The Query API runner against the double over the real Neo4j: what only this protocol does (explicit transactions,
/// bookmarks, its error statuses, the schema of a 5.x server) and the retry that is shared with the other one.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class QueryApiRunnerTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private readonly Neo4jServerFixture _aura = neo4j.QueryApi;

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_SeveralStatements_CommitTogetherInOneExplicitTransaction()
    {
        var results = await _aura.Runner.RunAsync(
            [new CypherStatement("CREATE (n:opg_probe {k: $k}) RETURN n.k AS k", Parameters(1)), new CypherStatement("CREATE (n:opg_probe {k: $k}) RETURN n.k AS k", Parameters(2))],
            CancellationToken.None);

        Assert.Equal([1L, 2L], results.Select(r => r.SingleLong("k")));
        Assert.Equal(2, await neo4j.CountAsync("MATCH (n:opg_probe) RETURN count(n) AS c"));
        Assert.Equal(0, neo4j.QueryApiDouble.OpenTransactions);
    }

    [Fact]
    public async Task RunAsync_LaterStatementFails_LeavesNothingOfTheEarlierOnesAndNoOpenTransaction()
    {
        var error = await Assert.ThrowsAsync<Neo4jException>(() => _aura.Runner.RunAsync(
            [new CypherStatement("CREATE (n:opg_probe {k: $k})", Parameters(1)), new CypherStatement("RETURN 1 +* 2")],
            CancellationToken.None));

        Assert.Equal(Neo4jErrorKind.Client, error.Kind);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", error.Code);
        Assert.Equal(0, await neo4j.CountAsync("MATCH (n:opg_probe) RETURN count(n) AS c"));
        Assert.Equal(0, neo4j.QueryApiDouble.OpenTransactions);
    }

    [Fact]
    public async Task RunAsync_TransientFailureInsideATransaction_IsRetriedWholeAndWritesOnce()
    {
        // The first statement lands, the second meets a deadlock: the retry must start a new transaction, not resume.
        neo4j.QueryApiDouble.FailNextStatement("Neo.TransientError.Transaction.DeadlockDetected");

        await _aura.Runner.RunAsync(
            [new CypherStatement("MERGE (n:opg_probe {k: $k})", Parameters(1)), new CypherStatement("MERGE (n:opg_probe {k: $k})", Parameters(2))],
            CancellationToken.None);

        Assert.Equal(2, await neo4j.CountAsync("MATCH (n:opg_probe) RETURN count(n) AS c"));
    }

    [Fact]
    public async Task RunAsync_AfterACommit_SendsItsBookmarkWithTheNextStatement()
    {
        await _aura.Runner.RunAsync([new CypherStatement("CREATE (n:opg_probe {k: 1})")], CancellationToken.None);
        var before = neo4j.QueryApiDouble.ReceivedBookmarks.Count;

        await _aura.Runner.RunAsync([new CypherStatement("MATCH (n:opg_probe) RETURN count(n) AS c")], CancellationToken.None);

        Assert.StartsWith("FB:double-", neo4j.QueryApiDouble.ReceivedBookmarks.Skip(before).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ValuesOfEveryType_ComeBackAsTheTransactionalEndpointGivesThem()
    {
        const string Statement = "RETURN 9007199254740993 AS big, 2.0 AS f, 'x' AS s, true AS b, null AS n, [1, 'a'] AS l, {k: 1.5} AS m";

        var viaQuery = (await _aura.Runner.RunAsync([new CypherStatement(Statement)], CancellationToken.None))[0];
        var viaTransactional = await neo4j.QueryAsync(Statement);

        Assert.Equivalent(viaTransactional, viaQuery, strict: true);
        Assert.IsType<double>(viaQuery.Value(0, "f"));
        Assert.Equal(9007199254740993L, viaQuery.Value(0, "big"));
    }

    [Fact]
    public async Task GetServerInfoAsync_WrongPassword_IsAnAuthenticationFailureNamingTheKeys()
    {
        var runner = _aura.CreateRunner("not-the-password");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => runner.GetServerInfoAsync(CancellationToken.None));

        Assert.Equal(Neo4jErrorKind.Authentication, error.Kind);
        Assert.Contains("Neo4j__User and Neo4j__Password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetServerInfoAsync_UnknownDatabase_SaysWhichSettingToFix()
    {
        var runner = _aura.CreateRunner(_aura.Password, database: "graphs");

        var error = await Assert.ThrowsAsync<Neo4jException>(() => runner.GetServerInfoAsync(CancellationToken.None));

        Assert.Equal(Neo4jErrorKind.DatabaseNotFound, error.Kind);
        Assert.Contains("set Neo4j:Database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GraphSchemaInstaller_AuraVersion_AppliesTheFiveXSchemaAndFindsEveryConstraint()
    {
        var installer = new GraphSchemaInstaller(_aura.Runner, OnePasswordGraph.Graph.Schema.GraphSchema.OnePassword, Microsoft.Extensions.Logging.Abstractions.NullLogger<GraphSchemaInstaller>.Instance);

        var statements = await installer.ApplyAsync(CancellationToken.None);

        Assert.All(statements, s => Assert.Contains("IF NOT EXISTS", s.Text, StringComparison.Ordinal));
        Assert.Empty(await installer.FindMissingKeyConstraintsAsync(CancellationToken.None));
        Assert.Equal(new Neo4jVersion(5, 27, 0), _aura.Server.Version);
        Assert.Equal(Neo4jProtocol.Query, _aura.Server.Protocol);
    }

    private static Dictionary<string, object?> Parameters(long k) => new() { ["k"] = k };
}
