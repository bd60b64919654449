using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Hosting.Configuration;

namespace OnePasswordGraph.Tests.Hosting.Configuration;

public sealed class Neo4jProtocolConfigurationTests
{
    [Theory]
    [InlineData(null, Neo4jProtocol.Auto)]
    [InlineData("auto", Neo4jProtocol.Auto)]
    [InlineData("transactional", Neo4jProtocol.Transactional)]
    [InlineData("Query", Neo4jProtocol.Query)]
    public void Resolve_Protocol_IsRead(string? value, Neo4jProtocol expected) =>
        Assert.Equal(expected, ConfigurationResolver.Resolve(Config(value)).Neo4j.Protocol);

    [Theory]
    [InlineData("bolt")]
    [InlineData("2")]
    public void Resolve_UnknownProtocol_NamesTheKeyAndTheAllowedValues(string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(value)));

        Assert.Equal(
            $"Neo4j__Protocol is '{value}'; set it to auto (the default: the transactional endpoint when the server's discovery offers it, else the Query API), transactional or query.",
            Assert.Single(error.Problems));
    }

    private static IConfiguration Config(string? protocol) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OnePassword:Connect:BaseUrl"] = "http://127.0.0.1:8080",
            ["OnePassword:Connect:Token"] = "connect-token",
            ["Neo4j:Url"] = "https://abcd1234.databases.neo4j.io",
            ["Neo4j:Password"] = "pw",
            ["Neo4j:Protocol"] = protocol,
        }).Build();
}
