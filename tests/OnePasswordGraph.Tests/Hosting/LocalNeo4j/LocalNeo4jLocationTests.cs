using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Hosting.LocalNeo4j;

namespace OnePasswordGraph.Tests.Hosting.LocalNeo4j;

public sealed class LocalNeo4jLocationTests
{
    [Fact]
    public void From_Configured_PlacesDataPasswordAndPortsThere()
    {
        var location = LocalNeo4jLocation.From(Config(new() { ["LocalNeo4j:Directory"] = "/tmp/op-graph-local", ["LocalNeo4j:HttpPort"] = "18474" }));

        Assert.Equal(("/tmp/op-graph-local/password", "/tmp/op-graph-local/instance", 18687), (location.PasswordFile, location.InstanceDirectory, location.BoltPort));
        Assert.Equal(new Uri("http://127.0.0.1:18474/"), location.Url);
    }

    [Fact]
    public void From_Nothing_UsesTheUsersDataDirectoryAndPort17474()
    {
        var location = LocalNeo4jLocation.From(Config([]));

        Assert.EndsWith("/onepassword-graph/neo4j", location.Directory, StringComparison.Ordinal);
        Assert.Equal(17474, location.HttpPort);
    }

    [Theory]
    [InlineData("http")]
    [InlineData("0")]
    [InlineData("65400")]
    public void From_PortThatIsNoPort_NamesTheKeyInEnvironmentForm(string port)
    {
        var error = Assert.Throws<ConfigurationException>(() => LocalNeo4jLocation.From(Config(new() { ["LocalNeo4j:HttpPort"] = port })));

        Assert.Contains($"LocalNeo4j__HttpPort '{port}'", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
