using System.Net;
using System.Text;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Graph.Neo4j;

public sealed class Neo4jHttpCypherRunnerTests
{
    private const string Password = "s3cret-Passw0rd";
    private static readonly Uri BaseUrl = new("http://neo4j.test:7474");

    [Fact]
    public async Task GetServerInfoAsync_Neo4j3_FollowsDataLinkAndUsesLegacyPath()
    {
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/3.x-discovery-root.json"))
            .OnJson(HttpMethod.Get, "/db/data/", RoutedHandler.Fixture("Neo4j/3.x-rest-root.json"));

        var info = await CreateSut(handler).GetServerInfoAsync(CancellationToken.None);

        Assert.Equal(new Neo4jVersion(3, 1, 1), info.Version);
        Assert.Equal("/db/data/transaction/commit", info.CommitEndpoint.ToString());
        Assert.Null(handler.Received[0].Request.Headers.Authorization);
        Assert.Equal("Basic", handler.Received[1].Request.Headers.Authorization?.Scheme);
    }

    [Fact]
    public async Task GetServerInfoAsync_Neo4j3_ReadsTheEditionFromDbmsComponents()
    {
        var handler = Neo4j3().OnJson(
            HttpMethod.Post, "/db/data/transaction/commit", """{"results":[{"columns":["edition"],"data":[{"row":["community"]}]}],"errors":[]}""");

        var info = await CreateSut(handler).GetServerInfoAsync(CancellationToken.None);

        Assert.Equal("community", info.Edition);
        Assert.Contains("dbms.components()", handler.Received[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ExplainWithADeepPlan_IsRead()
    {
        // An EXPLAIN answer of 3.x nests the plan two levels per operator; a rule's plan reaches past 64 levels.
        var plan = string.Concat(Enumerable.Repeat("{\"operatorType\":\"Filter\",\"children\":[", 60)) + "{}" + string.Concat(Enumerable.Repeat("]}", 60));
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/5.x-discovery-root.json"))
            .OnJson(HttpMethod.Post, "/db/neo4j/tx/commit", """{"results":[{"columns":["c"],"data":[],"plan":{"root":""" + plan + """}}],"errors":[]}""");

        var results = await CreateSut(handler).RunAsync([new CypherStatement("EXPLAIN MATCH (n) RETURN n")], CancellationToken.None);

        Assert.Empty(Assert.Single(results).Rows);
    }

    [Fact]
    public async Task RunAsync_StatementsBody_IsSentWithItsContentLengthNotChunked()
    {
        // Some proxies in front of Neo4j refuse chunked request bodies.
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/5.x-discovery-root.json"))
            .OnJson(HttpMethod.Post, "/db/neo4j/tx/commit", RoutedHandler.Fixture("Neo4j/5.x-commit-ok.json"));

        await CreateSut(handler).RunAsync([new CypherStatement("RETURN $name AS name", new Dictionary<string, object?> { ["name"] = "Ünïcode" })], CancellationToken.None);

        var (request, body) = handler.Received[^1];
        Assert.Equal(Encoding.UTF8.GetByteCount(body!), request.Content!.Headers.ContentLength);
        Assert.NotEqual(true, request.Headers.TransferEncodingChunked);
    }

    [Fact]
    public async Task GetServerInfoAsync_Neo4j5_UsesDatabasePathAndProbesCredentials()
    {
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/5.x-discovery-root.json"))
            .OnJson(HttpMethod.Post, "/db/graphs/tx/commit", RoutedHandler.Fixture("Neo4j/5.x-commit-ok.json"));

        var info = await CreateSut(handler, database: "graphs").GetServerInfoAsync(CancellationToken.None);

        Assert.Equal(new Neo4jVersion(5, 19, 0), info.Version);
        Assert.Equal("enterprise", info.Edition);
        Assert.Equal("/db/graphs/tx/commit", info.CommitEndpoint.ToString());
        Assert.Contains("RETURN 1", handler.Received[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetServerInfoAsync_UnknownDatabase_NamesItAndTheSetting()
    {
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/5.x-discovery-root.json"))
            .OnJson(HttpMethod.Post, "/db/graphs/tx/commit", RoutedHandler.Fixture("Neo4j/5.x-error-database-not-found.json"), HttpStatusCode.NotFound);

        var connect = () => CreateSut(handler, database: "graphs").GetServerInfoAsync(CancellationToken.None);

        (await connect.Should().ThrowExactlyAsync<Neo4jException>()
            .WithMessage("Neo4j at http://neo4j.test:7474/ has no database 'graphs'. Create it or set Neo4j:Database to an existing one."))
            .Which.Kind.Should().Be(Neo4jErrorKind.DatabaseNotFound);
    }

    [Fact]
    public async Task GetServerInfoAsync_WrongPassword_SaysWhichSettingsToCheckWithoutThePassword()
    {
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/3.x-discovery-root.json"))
            .OnJson(HttpMethod.Get, "/db/data/", """{"errors":[{"code":"Neo.ClientError.Security.Unauthorized","message":"Invalid username or password."}]}""", HttpStatusCode.Unauthorized);

        var connect = () => CreateSut(handler).GetServerInfoAsync(CancellationToken.None);

        var error = (await connect.Should().ThrowExactlyAsync<Neo4jException>()
            .WithMessage("Neo4j at http://neo4j.test:7474/ rejected the credentials of user 'neo4j' (HTTP 401). Check Neo4j__User and Neo4j__Password.")).Which;
        error.Kind.Should().Be(Neo4jErrorKind.Authentication);
        error.ToString().Should().NotContain(Password);
    }

    [Fact]
    public async Task GetServerInfoAsync_LoginLockout_SaysWhatItIsAndThatWaitingFixesIt()
    {
        // What Neo4j answers once a user has failed to log in too often (3 times by default).
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/3.x-discovery-root.json"))
            .OnJson(
                HttpMethod.Get,
                "/db/data/",
                """{"errors":[{"code":"Neo.ClientError.Security.AuthenticationRateLimit","message":"Too many failed authentication requests. Please wait 5 seconds and try again."}]}""",
                HttpStatusCode.TooManyRequests);

        var connect = () => CreateSut(handler).GetServerInfoAsync(CancellationToken.None);

        var error = (await connect.Should().ThrowExactlyAsync<Neo4jException>()
            .WithMessage("Neo4j at http://neo4j.test:7474/ is refusing logins of user 'neo4j' for a while (HTTP 429) after too many failed logins*Waiting fixes it*Neo4j__User and Neo4j__Password*")).Which;
        error.Message.Should().NotContain("429 429");
        error.Kind.Should().Be(Neo4jErrorKind.Authentication);
    }

    [Fact]
    public async Task GetServerInfoAsync_Neo4j42_IsRefusedAsUnsupported()
    {
        var handler = new RoutedHandler().OnJson(HttpMethod.Get, "/", """{"transaction":"http://localhost:7474/db/{databaseName}/tx","neo4j_version":"4.2.3","neo4j_edition":"community"}""");

        var connect = () => CreateSut(handler).GetServerInfoAsync(CancellationToken.None);

        (await connect.Should().ThrowExactlyAsync<Neo4jException>().WithMessage("Neo4j 4.2.3 is not supported*"))
            .Which.Kind.Should().Be(Neo4jErrorKind.UnsupportedVersion);
    }

    [Fact]
    public async Task GetServerInfoAsync_NotNeo4j_SaysSo()
    {
        var handler = new RoutedHandler().OnJson(HttpMethod.Get, "/", """{"hello":"world"}""");

        var connect = () => CreateSut(handler).GetServerInfoAsync(CancellationToken.None);

        (await connect.Should().ThrowExactlyAsync<Neo4jException>()
            .WithMessage("The server at http://neo4j.test:7474/ does not look like Neo4j's HTTP API: its discovery document names no version. Check Neo4j:Url."))
            .Which.Kind.Should().Be(Neo4jErrorKind.Protocol);
    }

    [Fact]
    public async Task GetServerInfoAsync_NothingListening_IsUnreachableAndTransient()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = new Uri($"http://127.0.0.1:{port}");
        using var runner = new Neo4jHttpCypherRunner(
            new HttpClient { BaseAddress = url }, new Neo4jSettings(url, "neo4j", Password, "neo4j", 1000, TimeSpan.FromMinutes(2)), NullLogger<Neo4jHttpCypherRunner>.Instance);

        var error = await Assert.ThrowsAsync<Neo4jException>(() => runner.GetServerInfoAsync(CancellationToken.None));

        Assert.Equal(Neo4jErrorKind.Unreachable, error.Kind);
        Assert.True(error.IsTransient);
        Assert.StartsWith($"Neo4j is unreachable at http://127.0.0.1:{port}/:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DeadlockIn200Response_IsTransient()
    {
        var handler = Neo4j3().OnJson(HttpMethod.Post, "/db/data/transaction/commit", RoutedHandler.Fixture("Neo4j/3.x-error-deadlock.json"));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => CreateSut(handler).RunAsync([new CypherStatement("RETURN 1")], CancellationToken.None));

        Assert.True(error.IsTransient);
        Assert.Equal("Neo.TransientError.Transaction.DeadlockDetected", error.Code);
    }

    [Fact]
    public async Task RunAsync_TypeErrorIn200Response_IsClientErrorWithCode()
    {
        var handler = Neo4j3().OnJson(HttpMethod.Post, "/db/data/transaction/commit", RoutedHandler.Fixture("Neo4j/3.x-error-type.json"));

        var run = () => CreateSut(handler).RunAsync([new CypherStatement("RETURN 1")], CancellationToken.None);

        (await run.Should().ThrowExactlyAsync<Neo4jException>()
            .WithMessage("Neo4j refused the statement: Collections containing mixed types can not be stored in properties. (Neo.ClientError.Statement.TypeError)."))
            .Which.IsTransient.Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_BadGateway_IsTransient()
    {
        var handler = Neo4j3().On(HttpMethod.Post, "/db/data/transaction/commit", _ => new HttpResponseMessage(HttpStatusCode.BadGateway));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => CreateSut(handler).RunAsync([new CypherStatement("RETURN 1")], CancellationToken.None));

        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task RunAsync_Rows_ComeBackAsIntegersDoublesListsAndNulls()
    {
        var handler = Neo4j3().OnJson(HttpMethod.Post, "/db/data/transaction/commit", RoutedHandler.Fixture("Neo4j/5.x-commit-ok.json"));

        var results = await CreateSut(handler).RunAsync([new CypherStatement("RETURN 1")], CancellationToken.None);

        var row = Assert.Single(results[0].Rows);
        Assert.Equal(1L, row[0]);
        Assert.Equal("Ada", row[1]);
        Assert.Equal(["a", "b"], (IEnumerable<object?>)row[2]!);
        Assert.Equal(0.5, row[3]);
        Assert.Null(row[4]);
    }

    [Fact]
    public async Task RunAsync_Parameters_AreSentAsJsonValues()
    {
        var handler = Neo4j3().OnJson(HttpMethod.Post, "/db/data/transaction/commit", """{"results":[{"columns":[],"data":[]}],"errors":[]}""");
        var parameters = new Dictionary<string, object?> { ["rows"] = new List<object?> { new Dictionary<string, object?> { ["k"] = "a", ["n"] = 2L, ["f"] = 1.5, ["b"] = true, ["l"] = new[] { "x" }, ["z"] = null } } };

        await CreateSut(handler).RunAsync([new CypherStatement("UNWIND $rows AS row RETURN row", parameters)], CancellationToken.None);

        Assert.Equal(
            """{"statements":[{"statement":"UNWIND $rows AS row RETURN row","parameters":{"rows":[{"k":"a","n":2,"f":1.5,"b":true,"l":["x"],"z":null}]},"resultDataContents":["row"]}]}""",
            handler.Received[^1].Body);
    }

    [Fact]
    public async Task RunAsync_CallerCancels_PropagatesCancellation()
    {
        var handler = Neo4j3();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSut(handler).RunAsync([new CypherStatement("RETURN 1")], cancelled.Token));
    }

    [Fact]
    public async Task RunAsync_Timeout_IsTransient()
    {
        var handler = Neo4j3().On(HttpMethod.Post, "/db/data/transaction/commit", _ => throw new TaskCanceledException("timed out", new TimeoutException()));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => CreateSut(handler).RunAsync([new CypherStatement("RETURN 1")], CancellationToken.None));

        Assert.Equal(Neo4jErrorKind.Transient, error.Kind);
    }

    [Fact]
    public void Connection_ToString_HidesPassword() =>
        Assert.DoesNotContain(Password, new Neo4jSettings(BaseUrl, "neo4j", Password, "neo4j", 1000, TimeSpan.FromMinutes(2)).ToString(), StringComparison.Ordinal);

    private static RoutedHandler Neo4j3() => new RoutedHandler()
        .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/3.x-discovery-root.json"))
        .OnJson(HttpMethod.Get, "/db/data/", RoutedHandler.Fixture("Neo4j/3.x-rest-root.json"));

    private static Neo4jHttpCypherRunner CreateSut(RoutedHandler handler, string database = "neo4j") =>
        new(new HttpClient(handler) { BaseAddress = BaseUrl }, new Neo4jSettings(BaseUrl, "neo4j", Password, database, 1000, TimeSpan.FromMinutes(2)), NullLogger<Neo4jHttpCypherRunner>.Instance);
}
