using System.Text.RegularExpressions;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.Tests.Graph.Schema;

/// <summary>
/// The schema against JupiterOne's published 1Password data model: every published property is declared, under its
/// published name, on the node type that carries that JupiterOne type (a user role is a label on the one user node).
/// The table is a checked-in copy of ../shared/reference/jupiterone-data-model.md, compared with it when it is there.
/// </summary>
public sealed partial class JupiterOneDataModelTests
{
    private const string Copy = "tests/OnePasswordGraph.Tests/Fixtures/JupiterOne/jupiterone-data-model.md";

    // Published types we keep in another kind, each for a reason the data model documents.
    private static readonly Dictionary<(string Type, string Property), PropertyKind> KindExceptions = new()
    {
        [("one_password_audit_event", "auxId")] = PropertyKind.Integer, // 1Password sends a number
        [("one_password_audit_event", "sessionLoginOn")] = PropertyKind.Integer, // epoch ms, like every time in this graph
    };

    public static TheoryData<string, string, string> PublishedProperties()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (type, property, kind) in Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, Copy))).Properties)
        {
            data.Add(type, property, kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublishedProperties))]
    public void PublishedProperty_IsDeclaredUnderItsNameOnTheMatchingNodeType(string type, string property, string publishedKind)
    {
        var node = NodeTypeOf(type);

        var declared = node.Property(property);

        Assert.True(declared is not null, $"{node.Type} (for JupiterOne's {type}) declares no '{property}'");
        var expected = KindExceptions.TryGetValue((type, property), out var exception) ? [exception] : KindsOf(publishedKind);
        Assert.Contains(declared.Kind, expected);
    }

    [Fact]
    public void PublishedEntities_AreNodeTypesOrUserRoles_WithTheirClass()
    {
        var entities = Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, Copy))).Entities;

        Assert.Equal(10, entities.Count);
        Assert.All(entities, e => Assert.Equal(e.Class, NodeTypeOf(e.Type).Class));
    }

    [Fact]
    public void CheckedInCopy_EqualsTheSharedReference_WhenItIsThere()
    {
        var shared = Path.Combine(RepositoryRoot.Path, "..", "shared", "reference", "jupiterone-data-model.md");
        if (!File.Exists(shared))
        {
            return;
        }

        Assert.Equal(File.ReadAllText(shared).ReplaceLineEndings("\n"), File.ReadAllText(Path.Combine(RepositoryRoot.Path, Copy)).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Parse_ReadsEntitiesAndPropertiesOfTheCopy()
    {
        var (entities, properties) = Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, Copy)));

        Assert.Contains(("one_password_item_usage_event", "Record"), entities);
        Assert.Contains(("one_password_item_usage_event", "country", "string"), properties);
        Assert.Contains(("one_password_signin_attempt_event", "targetUserUUID", "string"), properties);
        Assert.Contains(("one_password_secret", "fileNames", "array of strings"), properties);
        Assert.Equal(69, properties.Count);
    }

    private static NodeType NodeTypeOf(string jupiterOneType) =>
        GraphSchema.OnePassword.FindNodeType(jupiterOneType)
        ?? GraphSchema.OnePassword.NodeTypes.Single(n => n.RoleLabels.Contains(jupiterOneType));

    private static PropertyKind[] KindsOf(string published) => published switch
    {
        "string" => [PropertyKind.String],
        "number" => [PropertyKind.Integer, PropertyKind.Float],
        "boolean" => [PropertyKind.Boolean],
        "array of strings" => [PropertyKind.StringList],
        _ => throw new InvalidOperationException($"unknown published type '{published}'"),
    };

    private static (List<(string Type, string Class)> Entities, List<(string Type, string Property, string Kind)> Properties) Parse(string markdown)
    {
        var entities = EntityRow().Matches(markdown).Select(m => (m.Groups["type"].Value, m.Groups["class"].Value)).ToList();
        var properties = new List<(string, string, string)>();
        string? current = null;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (TypeHeading().Match(line) is { Success: true } heading)
            {
                current = heading.Groups["type"].Value;
            }
            else if (current is not null && PropertyRow().Match(line) is { Success: true } row)
            {
                properties.Add((current, row.Groups["name"].Value, row.Groups["kind"].Value));
            }
        }

        return (entities, properties);
    }

    [GeneratedRegex(@"^\| [^|`]+ \| `(?<type>one_password_\w+)` \| `(?<class>\w+)` \|$", RegexOptions.Multiline)]
    private static partial Regex EntityRow();

    [GeneratedRegex(@"^### `(?<type>one_password_\w+)`$")]
    private static partial Regex TypeHeading();

    [GeneratedRegex(@"^\| `(?<name>\w+)` \| (?<kind>[a-z ]+) \|$")]
    private static partial Regex PropertyRow();
}
