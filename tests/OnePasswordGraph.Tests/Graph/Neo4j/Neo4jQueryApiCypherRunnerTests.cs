using System.Net;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Graph.Neo4j;

public sealed class Neo4jQueryApiCypherRunnerTests
{
    private const string Password = "s3cret-Passw0rd";
    private const string Ok = """{"data":{"fields":["ok"],"values":[[{"$type":"Integer","_value":"1"}]]},"bookmarks":["FB:probe"]}""";
    private static readonly Uri BaseUrl = new("https://abcd1234.databases.neo4j.io");

    [Fact]
    public async Task GetServerInfoAsync_AuraDiscovery_UsesTheQueryEndpointAndReadsTheAuraVersion()
    {
        var handler = Aura();

        var info = await CreateSut(handler).GetServerInfoAsync(CancellationToken.None);

        Assert.Equal(new Neo4jVersion(5, 27, 0), info.Version);
        Assert.Equal("enterprise", info.Edition);
        Assert.Equal(Neo4jProtocol.Query, info.Protocol);
        Assert.Equal("/db/neo4j/query/v2", info.CommitEndpoint.ToString());
        var probe = handler.Received[1].Request;
        Assert.Equal("application/vnd.neo4j.query", Assert.Single(probe.Headers.Accept).MediaType);
        Assert.Equal("Basic", probe.Headers.Authorization?.Scheme);
        Assert.Contains("\"statement\":\"RETURN 1 AS ok\"", handler.Received[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetServerInfoAsync_GarbageVersion_SaysTheServerIsNotNeo4j()
    {
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", """{"query":"/db/{databaseName}/query/v2","neo4j_version":"aura-latest"}""")
            .OnJson(HttpMethod.Post, "/db/neo4j/query/v2", Ok, HttpStatusCode.Accepted);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => CreateSut(handler).GetServerInfoAsync(CancellationToken.None));

        Assert.Equal(Neo4jErrorKind.Protocol, error.Kind);
        Assert.Contains("it reports the version 'aura-latest'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetServerInfoAsync_ServerOlderThanTheQueryApi_SaysWhichProtocolToSet()
    {
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", """{"transaction":"/db/{databaseName}/tx","neo4j_version":"4.4.30"}""")
            .OnJson(HttpMethod.Post, "/db/neo4j/query/v2", Ok, HttpStatusCode.Accepted);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => CreateSut(handler).GetServerInfoAsync(CancellationToken.None));

        Assert.Equal(Neo4jErrorKind.UnsupportedVersion, error.Kind);
        Assert.Contains("Set Neo4j__Protocol to auto or transactional", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TypedValues_MapToTheTypesOfCypherResult()
    {
        var handler = Aura().OnJson(HttpMethod.Post, "/db/neo4j/query/v2", """
            {"data":{"fields":["i","f","s","b","n","l","m","node","d","bytes","future"],"values":[[
              {"$type":"Integer","_value":"9007199254740993"},
              {"$type":"Float","_value":"2.0"},
              {"$type":"String","_value":"x"},
              {"$type":"Boolean","_value":true},
              {"$type":"Null","_value":null},
              {"$type":"List","_value":[{"$type":"Integer","_value":"-4"},{"$type":"Float","_value":"NaN"}]},
              {"$type":"Map","_value":{"k":{"$type":"String","_value":"v"}}},
              {"$type":"Node","_value":{"_element_id":"4:a:0","_labels":["one_password_user"],"_properties":{"uuid":{"$type":"String","_value":"U1"}}}},
              {"$type":"OffsetDateTime","_value":"2026-11-30T10:00:00Z"},
              {"$type":"Base64","_value":"A2+/"},
              {"$type":"Vector","_value":[1,2.5]}
            ]]},"bookmarks":["FB:2"]}
            """, HttpStatusCode.Accepted);

        var result = Assert.Single(await CreateSut(handler).RunAsync([new CypherStatement("RETURN 1")], CancellationToken.None));

        var row = Assert.Single(result.Rows);
        row[0].Should().Be(9007199254740993L);
        row[1].Should().BeOfType<double>().Which.Should().Be(2.0);
        row[2].Should().Be("x");
        row[3].Should().Be(true);
        row[4].Should().BeNull();
        row[5].Should().BeEquivalentTo(new object[] { -4L, double.NaN });
        row[6].Should().BeEquivalentTo(new Dictionary<string, object?> { ["k"] = "v" });
        row[7].Should().BeEquivalentTo(new Dictionary<string, object?> { ["uuid"] = "U1" });
        row[8].Should().Be("2026-11-30T10:00:00Z");
        row[9].Should().Be("A2+/");
        row[10].Should().BeEquivalentTo(new object[] { 1L, 2.5 });
    }

    [Fact]
    public async Task RunAsync_StatementBody_IsSentWhole_WithItsContentLengthNotChunked()
    {
        // Some proxies in front of Neo4j refuse chunked request bodies; a page's body is larger than one pooled block.
        var handler = Aura();
        var rows = Enumerable.Range(0, 10000).Select(i => $"Ünïcode row {i} of a page body").ToList();

        await CreateSut(handler).RunAsync([new CypherStatement("UNWIND $rows AS r RETURN count(r)", new Dictionary<string, object?> { ["rows"] = rows })], CancellationToken.None);

        var (request, body) = handler.Received[^1];
        Assert.Equal(Encoding.UTF8.GetByteCount(body!), request.Content!.Headers.ContentLength);
        Assert.NotEqual(true, request.Headers.TransferEncodingChunked);
        using var sent = JsonDocument.Parse(body!);
        sent.RootElement.GetProperty("parameters").GetProperty("rows").EnumerateArray().Select(r => r.GetString()).Should().Equal(rows);
    }

    [Fact]
    public async Task RunAsync_ValuesAsOneFlatList_AreSplitIntoRowsByField()
    {
        var handler = Aura().OnJson(HttpMethod.Post, "/db/neo4j/query/v2", """
            {"data":{"fields":["a","b"],"values":[{"$type":"Integer","_value":"1"},{"$type":"String","_value":"x"},{"$type":"Integer","_value":"2"},{"$type":"String","_value":"y"}]}}
            """, HttpStatusCode.Accepted);

        var result = Assert.Single(await CreateSut(handler).RunAsync([new CypherStatement("RETURN 1")], CancellationToken.None));

        result.Rows.Should().BeEquivalentTo(new[] { new object[] { 1L, "x" }, new object[] { 2L, "y" } });
    }

    [Fact]
    public async Task RunAsync_SeveralStatements_RunInOneExplicitTransactionThatCarriesTheAffinityAndCommits()
    {
        var handler = Aura()
            .On(HttpMethod.Post, "/db/neo4j/query/v2/tx", _ => Opened("tx-1", "member-7"))
            .OnJson(HttpMethod.Post, "/db/neo4j/query/v2/tx/tx-1", """{"data":{"fields":["c"],"values":[[{"$type":"Integer","_value":"2"}]]}}""", HttpStatusCode.Accepted)
            .OnJson(HttpMethod.Post, "/db/neo4j/query/v2/tx/tx-1/commit", """{"bookmarks":["FB:committed"]}""", HttpStatusCode.Accepted);
        var sut = CreateSut(handler);

        var results = await sut.RunAsync([new CypherStatement("CREATE (a)"), new CypherStatement("RETURN 2 AS c")], CancellationToken.None);
        await sut.RunAsync([new CypherStatement("RETURN 1")], CancellationToken.None);

        Assert.Equal(2, results.Count);
        Assert.Equal(2L, results[1].SingleLong("c"));
        var calls = handler.Received.Skip(2).Select(r => $"{r.Request.Method} {r.Request.RequestUri!.AbsolutePath}").ToList();
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx", "POST /db/neo4j/query/v2/tx/tx-1", "POST /db/neo4j/query/v2/tx/tx-1/commit", "POST /db/neo4j/query/v2"],
            calls);
        Assert.All(handler.Received.Skip(3).Take(2), r => Assert.Equal("member-7", Assert.Single(r.Request.Headers.GetValues("neo4j-cluster-affinity"))));
        Assert.Contains("\"bookmarks\":[\"FB:committed\"]", handler.Received[^1].Body, StringComparison.Ordinal);
        Assert.Contains("\"bookmarks\":[\"FB:probe\"]", handler.Received[2].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("bookmarks", handler.Received[3].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StatementFailsInsideTheTransaction_RollsItBackAndReportsTheClassifiedError()
    {
        var handler = Aura()
            .On(HttpMethod.Post, "/db/neo4j/query/v2/tx", _ => Opened("tx-2", "member-3"))
            .OnJson(HttpMethod.Post, "/db/neo4j/query/v2/tx/tx-2", RoutedHandler.Fixture("Neo4j/query-api-error-deadlock.json"), HttpStatusCode.BadRequest)
            .OnJson(HttpMethod.Delete, "/db/neo4j/query/v2/tx/tx-2", "{}", HttpStatusCode.Accepted);

        var error = await Assert.ThrowsAsync<Neo4jException>(() =>
            CreateSut(handler).RunAsync([new CypherStatement("CREATE (a)"), new CypherStatement("CREATE (b)")], CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("Neo.TransientError.Transaction.DeadlockDetected", error.Code);
        var rollback = handler.Received[^1].Request;
        Assert.Equal(HttpMethod.Delete, rollback.Method);
        Assert.Equal("member-3", Assert.Single(rollback.Headers.GetValues("neo4j-cluster-affinity")));
        Assert.DoesNotContain(handler.Received, r => r.Request.RequestUri!.AbsolutePath.EndsWith("/commit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_CancelledInsideTheTransaction_StillRollsItBack()
    {
        using var stop = new CancellationTokenSource();
        var handler = Aura()
            .On(HttpMethod.Post, "/db/neo4j/query/v2/tx", _ => Opened("tx-3", "member-1"))
            .On(HttpMethod.Post, "/db/neo4j/query/v2/tx/tx-3", _ =>
            {
                stop.Cancel();
                throw new OperationCanceledException(stop.Token);
            })
            .OnJson(HttpMethod.Delete, "/db/neo4j/query/v2/tx/tx-3", "{}", HttpStatusCode.Accepted);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            CreateSut(handler).RunAsync([new CypherStatement("CREATE (a)"), new CypherStatement("CREATE (b)")], stop.Token));

        Assert.Equal(HttpMethod.Delete, handler.Received[^1].Request.Method);
    }

    [Fact]
    public async Task GetServerInfoAsync_DiscoveryWithoutVersion_AsksDbmsComponents()
    {
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", """{"query":"/db/{databaseName}/query/v2"}""")
            .OnJson(HttpMethod.Post, "/db/neo4j/query/v2", """
                {"data":{"fields":["version","edition"],"values":[[{"$type":"String","_value":"2025.10.1"},{"$type":"String","_value":"enterprise"}]]}}
                """, HttpStatusCode.Accepted);

        var info = await CreateSut(handler).GetServerInfoAsync(CancellationToken.None);

        Assert.Equal(new Neo4jVersion(2025, 10, 1), info.Version);
        Assert.Equal("enterprise", info.Edition);
        Assert.Contains("dbms.components()", handler.Received[^1].Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Neo.ClientError.Statement.SyntaxError", Neo4jErrorKind.Client)]
    [InlineData(HttpStatusCode.BadRequest, "Neo.TransientError.Transaction.LockClientStopped", Neo4jErrorKind.Client)]
    [InlineData(HttpStatusCode.BadRequest, "Neo.TransientError.General.DatabaseUnavailable", Neo4jErrorKind.Transient)]
    [InlineData(HttpStatusCode.NotFound, "Neo.ClientError.Database.DatabaseNotFound", Neo4jErrorKind.DatabaseNotFound)]
    [InlineData(HttpStatusCode.InternalServerError, "Neo.DatabaseError.General.UnknownError", Neo4jErrorKind.Database)]
    [InlineData(HttpStatusCode.Unauthorized, "Neo.ClientError.Security.Unauthorized", Neo4jErrorKind.Authentication)]
    public async Task RunAsync_ErrorBody_IsClassifiedByItsCode(HttpStatusCode status, string code, Neo4jErrorKind kind)
    {
        var handler = Aura();
        var sut = CreateSut(handler);
        await sut.GetServerInfoAsync(CancellationToken.None);
        handler.OnJson(HttpMethod.Post, "/db/neo4j/query/v2", $$$"""{"errors":[{"code":"{{{code}}}","message":"refused"}]}""", status);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => sut.RunAsync([new CypherStatement("RETURN 1")], CancellationToken.None));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(code, error.Code);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_GatewayErrorWithoutBody_IsTransient()
    {
        var handler = Aura();
        var sut = CreateSut(handler);
        await sut.GetServerInfoAsync(CancellationToken.None);
        handler.On(HttpMethod.Post, "/db/neo4j/query/v2", _ => new HttpResponseMessage(HttpStatusCode.BadGateway));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => sut.RunAsync([new CypherStatement("RETURN 1")], CancellationToken.None));

        Assert.True(error.IsTransient);
    }

    private static HttpResponseMessage Opened(string id, string affinity)
    {
        var response = RoutedHandler.Json(
            $$$"""{"data":{"fields":[],"values":[]},"transaction":{"id":"{{{id}}}","expires":"2026-11-30T10:00:30Z"}}""", HttpStatusCode.Accepted);
        response.Headers.Add("neo4j-cluster-affinity", affinity);
        return response;
    }

    private static RoutedHandler Aura() => new RoutedHandler()
        .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/aura-discovery-root.json"))
        .OnJson(HttpMethod.Post, "/db/neo4j/query/v2", Ok, HttpStatusCode.Accepted);

    private static Neo4jQueryApiCypherRunner CreateSut(RoutedHandler handler) =>
        new(new HttpClient(handler) { BaseAddress = BaseUrl }, new Neo4jSettings(BaseUrl, "neo4j", Password, "neo4j", 1000, TimeSpan.FromMinutes(2)), NullLogger<Neo4jQueryApiCypherRunner>.Instance);
}
