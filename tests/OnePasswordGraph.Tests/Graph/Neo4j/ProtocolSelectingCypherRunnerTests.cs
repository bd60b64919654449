using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Graph.Neo4j;

public sealed class ProtocolSelectingCypherRunnerTests
{
    private static readonly Uri BaseUrl = new("http://neo4j.test:7474");

    [Fact]
    public async Task GetServerInfoAsync_AutoAndDiscoveryOffersOnlyTheQueryApi_UsesTheQueryApi()
    {
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/aura-discovery-root.json"))
            .OnJson(HttpMethod.Post, "/db/neo4j/query/v2", """{"data":{"fields":["ok"],"values":[[{"$type":"Integer","_value":"1"}]]}}""", HttpStatusCode.Accepted);

        var info = await CreateSut(handler, Neo4jProtocol.Auto).GetServerInfoAsync(CancellationToken.None);

        Assert.Equal(Neo4jProtocol.Query, info.Protocol);
        Assert.Equal("the server's discovery offers no transactional endpoint", info.ProtocolReason);
    }

    [Fact]
    public async Task GetServerInfoAsync_AutoAndDiscoveryOffersBoth_KeepsTheTransactionalEndpoint()
    {
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/5.x-discovery-root.json"))
            .OnJson(HttpMethod.Post, "/db/neo4j/tx/commit", RoutedHandler.Fixture("Neo4j/5.x-commit-ok.json"));

        var info = await CreateSut(handler, Neo4jProtocol.Auto).GetServerInfoAsync(CancellationToken.None);

        Assert.Equal(Neo4jProtocol.Transactional, info.Protocol);
        Assert.Equal("/db/neo4j/tx/commit", info.CommitEndpoint.ToString());
        Assert.Equal("the server's discovery offers the transactional endpoint", info.ProtocolReason);
    }

    [Fact]
    public async Task GetServerInfoAsync_QuerySetExplicitly_UsesTheQueryApiEvenWhereTheTransactionalEndpointExists()
    {
        var handler = new RoutedHandler()
            .OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/5.x-discovery-root.json"))
            .OnJson(HttpMethod.Post, "/db/neo4j/query/v2", """{"data":{"fields":["ok"],"values":[[{"$type":"Integer","_value":"1"}]]}}""", HttpStatusCode.Accepted);

        var info = await CreateSut(handler, Neo4jProtocol.Query).GetServerInfoAsync(CancellationToken.None);

        Assert.Equal(Neo4jProtocol.Query, info.Protocol);
        Assert.Equal("set by Neo4j__Protocol", info.ProtocolReason);
        Assert.DoesNotContain(handler.Received, r => r.Request.RequestUri!.AbsolutePath.Contains("/tx", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetServerInfoAsync_TransactionalSetButServerOffersOnlyTheQueryApi_SaysWhatToSet()
    {
        var handler = new RoutedHandler().OnJson(HttpMethod.Get, "/", RoutedHandler.Fixture("Neo4j/aura-discovery-root.json"));

        var error = await Assert.ThrowsAsync<Neo4jException>(() => CreateSut(handler, Neo4jProtocol.Transactional).GetServerInfoAsync(CancellationToken.None));

        Assert.Contains("offers only the Query API", error.Message, StringComparison.Ordinal);
        Assert.Contains("Set Neo4j__Protocol to auto or query", error.Message, StringComparison.Ordinal);
    }

    private static ProtocolSelectingCypherRunner CreateSut(RoutedHandler handler, Neo4jProtocol protocol) =>
        new(new HttpClient(handler) { BaseAddress = BaseUrl }, new Neo4jSettings(BaseUrl, "neo4j", "pw", "neo4j", 1000, TimeSpan.FromMinutes(2)) { Protocol = protocol }, NullLoggerFactory.Instance);
}
