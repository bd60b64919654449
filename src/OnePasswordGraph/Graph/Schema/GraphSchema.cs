using System.Text.RegularExpressions;

namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// The declared set of node and relationship types. Cypher is generated only from these declarations, and the writer
/// rejects any label, relationship type or property that is not declared before any statement is sent.
/// </summary>
public sealed partial class GraphSchema
{
    private readonly Dictionary<string, NodeType> _nodes;
    private readonly Dictionary<string, RelationshipType> _relationships;

    public GraphSchema(IReadOnlyList<NodeType> nodeTypes, IReadOnlyList<RelationshipType> relationshipTypes, IReadOnlyList<PropertyMigration>? migrations = null)
    {
        NodeTypes = nodeTypes;
        RelationshipTypes = relationshipTypes;
        Migrations = migrations ?? [];
        _nodes = nodeTypes.ToDictionary(n => n.Type, StringComparer.Ordinal);
        _relationships = relationshipTypes.ToDictionary(r => r.Type, StringComparer.Ordinal);
        Validate();
    }

    /// <summary>Gets the OnePasswordGraph data model.</summary>
    public static GraphSchema OnePassword { get; } = new(OnePasswordNodeTypes.All, OnePasswordRelationshipTypes.All, OnePasswordMigrations.All);

    public IReadOnlyList<NodeType> NodeTypes { get; }

    public IReadOnlyList<RelationshipType> RelationshipTypes { get; }

    /// <summary>Gets the migrations (property renames, cross-account link removals) existing graphs go through once, in order.</summary>
    public IReadOnlyList<PropertyMigration> Migrations { get; }

    /// <summary>Returns whether <paramref name="nodeType"/> is this schema's declaration (not merely one with the same name).</summary>
    public bool Declares(NodeType nodeType) => _nodes.TryGetValue(nodeType.Type, out var declared) && ReferenceEquals(declared, nodeType);

    /// <summary>Returns whether <paramref name="relationshipType"/> is this schema's declaration.</summary>
    public bool Declares(RelationshipType relationshipType) =>
        _relationships.TryGetValue(relationshipType.Type, out var declared) && ReferenceEquals(declared, relationshipType);

    /// <summary>Finds a node type by its <c>_type</c>.</summary>
    public NodeType? FindNodeType(string type) => _nodes.GetValueOrDefault(type);

    /// <summary>Returns whether a label, relationship type or property name is safe to write into Cypher text.</summary>
    public static bool IsValidIdentifier(string name) => IdentifierPattern().IsMatch(name);

    private void Validate()
    {
        var problems = new List<string>();
        foreach (var node in NodeTypes)
        {
            problems.AddRange(node.Labels.Concat(node.RoleLabels).Concat(node.Properties.Select(p => p.Name))
                .Where(name => !IsValidIdentifier(name)).Select(name => $"node type {node.Type}: '{name}' is not a plain identifier"));
            problems.AddRange(node.Properties.GroupBy(p => p.Name).Where(g => g.Count() > 1).Select(g => $"node type {node.Type}: property {g.Key} is declared twice"));
        }

        foreach (var relationship in RelationshipTypes)
        {
            if (!IsValidIdentifier(relationship.Label))
            {
                problems.Add($"relationship type {relationship.Type}: '{relationship.Label}' is not a plain identifier");
            }

            if (!Declares(relationship.From) || !Declares(relationship.To))
            {
                problems.Add($"relationship type {relationship.Type}: its end types must be declared node types");
            }
        }

        foreach (var rename in Migrations.SelectMany(m => m.Renames))
        {
            // The old name is removed from every node of the type, so it must not be one this version still writes.
            if (!Declares(rename.Type) || rename.Type.Property(rename.To) is null || rename.Type.Property(rename.From) is not null
                || !IsValidIdentifier(rename.From))
            {
                problems.Add($"rename {rename.Type.Type}.{rename.From} -> {rename.To}: the new name must be declared and the old one not");
            }
        }

        foreach (var link in Migrations.SelectMany(m => m.RemovedLinks))
        {
            // Links to shared people are right across accounts: removing them would lose what this version writes.
            if (!Declares(link) || !link.To.BelongsToOneAccount)
            {
                problems.Add($"removal of cross-account {link.Type} links: the relationship type must be declared and its target owned by one account");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The graph schema is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
