using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Testing;
using YamlDotNet.RepresentationModel;

namespace OnePasswordGraph.Tests.Hosting;

/// <summary>
/// docker-compose.yml cannot run on the build machines (no Docker engine), so it is kept honest here: its services,
/// ports and variables must match the configuration contract, and the worker's environment must resolve.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly string Root = RepositoryRoot.Path;

    [Fact]
    public void Compose_Neo4jService_IsNeo4j5WithAuthVolumeAndHealthCheck()
    {
        var neo4j = Service("neo4j");

        Assert.StartsWith("neo4j:5", Scalar(neo4j, "image"), StringComparison.Ordinal);
        Assert.Contains("NEO4J_AUTH", Mapping(neo4j, "environment").Children.Keys.Select(k => k.ToString()));
        Assert.Contains(Sequence(neo4j, "volumes"), v => v.ToString().EndsWith(":/data", StringComparison.Ordinal));
        Assert.Contains("7474", Sequence(Mapping(neo4j, "healthcheck"), "test").Last().ToString(), StringComparison.Ordinal);
        Assert.Contains(Sequence(neo4j, "ports"), p => p.ToString().EndsWith(":7474:7474", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_WorkerEnvironment_UsesTheContractKeysAndResolvesWithTheExampleEnv()
    {
        var worker = Service("worker");
        var environment = Mapping(worker, "environment").Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString(), StringComparer.Ordinal);
        var example = ExampleEnv();
        var secrets = Directory.CreateTempSubdirectory("opg-compose-");
        try
        {
            File.WriteAllText(Path.Combine(secrets.FullName, "op_events_token"), "simulated-token");
            var values = environment.ToDictionary(
                p => p.Key.Replace("__", ":", StringComparison.Ordinal),
                p => (string?)Substitute(p.Value, example).Replace("/run/secrets", secrets.FullName, StringComparison.Ordinal),
                StringComparer.Ordinal);

            var resolved = ConfigurationResolver.Resolve(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

            string[] contract =
            [
                "OnePassword__Events__BaseUrl", "OnePassword__Events__TokenFile", "OnePassword__Connect__BaseUrl", "OnePassword__Connect__TokenFile",
                "OnePassword__BackfillStartTime", "Neo4j__Url", "Neo4j__User", "Neo4j__Password", "Neo4j__Database",
            ];
            Assert.All(contract, key => Assert.Contains(key, environment.Keys));
            Assert.Equal(new Uri("http://neo4j:7474/"), resolved.Neo4j.Url);
            Assert.Equal("simulated-token", Assert.Single(resolved.Accounts).Events!.Token);
            Assert.Equal("run", Sequence(worker, "command").Single().ToString());
            Assert.Equal("service_healthy", Scalar(Mapping(Mapping(worker, "depends_on"), "neo4j"), "condition"));
        }
        finally
        {
            secrets.Delete(recursive: true);
        }
    }

    [Fact]
    public void Compose_EveryVariable_IsDefinedInTheExampleEnv()
    {
        var text = File.ReadAllText(Path.Combine(Root, "docker-compose.yml"));
        var example = ExampleEnv();

        var used = VariablePattern().Matches(text).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.True(example.ContainsKey(name), $"${{{name}}} is used by docker-compose.yml but not in .env.example"));
    }

    [Fact]
    public void Dockerfile_IsMultiStageAndRunsTheWorkerAsANonRootUser()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "Dockerfile")).Where(l => !l.StartsWith('#')).ToList();

        Assert.Equal(2, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal))["USER ".Length..].Trim();
        Assert.NotEqual("root", user);
        Assert.NotEqual("0", user);
        Assert.Contains(lines, l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal) && l.Contains("onepassword-graph.dll", StringComparison.Ordinal));
    }

    private static YamlMappingNode Service(string name)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        return Mapping(Mapping((YamlMappingNode)yaml.Documents[0].RootNode, "services"), name);
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static YamlSequenceNode Sequence(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => node.Children[new YamlScalarNode(key)].ToString();

    private static Dictionary<string, string> ExampleEnv() => File.ReadAllLines(Path.Combine(Root, ".env.example"))
        .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
        .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim(), StringComparer.Ordinal);

    // Compose's ${NAME}, ${NAME:-default} and ${NAME:?error}: the .env value when set and not empty, else the default.
    private static string Substitute(string value, Dictionary<string, string> env) => VariablePattern().Replace(value, m =>
        env.GetValueOrDefault(m.Groups["name"].Value) is { Length: > 0 } set ? set : m.Groups["op"].Value == ":-" ? m.Groups["rest"].Value : string.Empty);

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+)(?:(?<op>:-|:\?)(?<rest>[^}]*))?\}")]
    private static partial Regex VariablePattern();
}
