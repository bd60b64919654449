using System.Text.RegularExpressions;
using OnePasswordGraph.Cli.Demo;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Cli.Demo;

public sealed partial class SampleQueriesTests
{
    public static TheoryData<string> Titles => [.. SampleQueries.All.Select(q => q.Title)];

    [Fact]
    public void Document_MatchesTheQueries() =>
        Snapshot.Match(SampleQueriesDocument.Render(SampleQueries.All), "docs/sample-queries.md");

    [Theory]
    [MemberData(nameof(Titles))]
    public void Query_UsesOnlyDeclaredLabelsRelationshipsAndProperties(string title)
    {
        var cypher = SampleQueries.All.Single(q => q.Title == title).Cypher;
        var schema = GraphSchema.OnePassword;
        var nodeTypes = schema.NodeTypes.ToDictionary(n => n.Type, StringComparer.Ordinal);
        var variables = new Dictionary<string, NodeType>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (Match binding in NodeBinding().Matches(cypher))
        {
            if (!nodeTypes.TryGetValue(binding.Groups["label"].Value, out var type))
            {
                problems.Add($"label {binding.Groups["label"].Value} is not declared");
                continue;
            }

            variables[binding.Groups["variable"].Value] = type;
            if (binding.Groups["property"].Success)
            {
                CheckProperty(type, binding.Groups["property"].Value, problems);
            }
        }

        foreach (Match relationship in RelationshipLabel().Matches(cypher))
        {
            if (!schema.RelationshipTypes.Any(r => r.Label == relationship.Groups["label"].Value))
            {
                problems.Add($"relationship {relationship.Groups["label"].Value} is not declared");
            }
        }

        foreach (Match access in PropertyAccess().Matches(cypher))
        {
            if (variables.TryGetValue(access.Groups["variable"].Value, out var type))
            {
                CheckProperty(type, access.Groups["property"].Value, problems);
            }
        }

        Assert.NotEmpty(variables);
        Assert.Empty(problems);
        Assert.Contains("$account", cypher, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public void Query_AvoidsCypherThatSomeSupportedNeo4jRejects(string title)
    {
        var cypher = SampleQueries.All.Single(q => q.Title == title).Cypher;

        // exists(n.p) is gone in 5.x; temporal functions and CALL subqueries are missing from 3.x; {param} is gone in 4.x.
        Assert.DoesNotMatch(@"\bexists\s*\(|\bdatetime\s*\(|\bdate\s*\(|\bduration\s*\(|\bCALL\s*\{|\{\s*\w+\s*\}", cypher);
    }

    private static void CheckProperty(NodeType type, string property, List<string> problems)
    {
        if (type.Property(property) is null)
        {
            problems.Add($"{type.Type} has no property {property}");
        }
    }

    [GeneratedRegex(@"\((?<variable>\w+):(?<label>\w+)(\s*\{\s*(?<property>\w+)\s*:)?")]
    private static partial Regex NodeBinding();

    [GeneratedRegex(@"\[:(?<label>\w+)\]")]
    private static partial Regex RelationshipLabel();

    [GeneratedRegex(@"\b(?<variable>[A-Za-z_]\w*)\.(?<property>[A-Za-z_]\w*)")]
    private static partial Regex PropertyAccess();
}
