using System.Text;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Tests.Support;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Tests.Graph.Internal;

public sealed class CypherSnapshotTests
{
    private const string Folder = "tests/OnePasswordGraph.Tests/Graph/Snapshots/";

    [Theory]
    [InlineData("3.1.1", "schema-3.x.cypher")]
    [InlineData("3.5.35", "schema-3.x.cypher")]
    [InlineData("4.4.0", "schema-4.4-and-later.cypher")]
    [InlineData("5.26.2", "schema-4.4-and-later.cypher")]
    [InlineData("2025.06.0", "schema-4.4-and-later.cypher")]
    public void SchemaStatements_ForVersion_MatchSnapshot(string version, string snapshot)
    {
        var statements = SchemaStatementBuilder.Build(GraphSchema.OnePassword, Neo4jVersion.Parse(version));
        var check = SchemaStatementBuilder.ListConstraints(Neo4jVersion.Parse(version));

        Snapshot.Match(string.Join(";\n", statements.Append(check).Select(s => s.Text)), Folder + snapshot);
        Assert.All(statements.Append(check), s => Assert.Empty(s.Parameters));
    }

    [Fact]
    public void WriteStatement_EventPageWithCheckpoint_MatchesSnapshot()
    {
        Snapshot.Match(WriteStatementBuilder.Build(SampleWriteParts.ItemUsagePage, SyncState), Folder + "write-event-page.cypher");
    }

    [Fact]
    public void WriteStatement_Inventory_MatchesSnapshot()
    {
        var parts = new WritePart[]
        {
            new WritePart.Nodes(Vault, [], Placeholder: false),
            new WritePart.Nodes(Secret, [], Placeholder: false),
            new WritePart.Relationships(AccountHasVault),
            new WritePart.Relationships(VaultHasSecret),
        };

        Snapshot.Match(WriteStatementBuilder.Build(parts, checkpointType: null), Folder + "write-inventory.cypher");
    }

    [Fact]
    public void CleanupStatements_Inventory_MatchSnapshot()
    {
        var text = new StringBuilder()
            .AppendLine(CleanupStatementBuilder.StaleNodes(Vault, scopeProperty: null)).AppendLine(";")
            .AppendLine(CleanupStatementBuilder.StaleNodes(Secret, scopeProperty: "vaultUUID")).AppendLine(";")
            .AppendLine(CleanupStatementBuilder.StaleRelationships(VaultHasSecret, fromScopeProperty: "vaultUUID")).AppendLine(";")
            .AppendLine(CleanupStatementBuilder.StaleRelationships(AccountHasVault, fromScopeProperty: null)).AppendLine(";")
            .Append(CleanupStatementBuilder.EndedMemberships(AccountHasUser));

        Snapshot.Match(text.ToString(), Folder + "cleanup-inventory.cypher");
    }

    [Fact]
    public void EraseAccountStatements_EveryLabelAndNodeType_MatchSnapshot()
    {
        var schema = GraphSchema.OnePassword;
        var text = string.Join(
            "\n;\n",
            schema.RelationshipTypes.Select(r => r.Label).Distinct(StringComparer.Ordinal).Select(CleanupStatementBuilder.AccountRelationships)
                .Concat(schema.NodeTypes.SelectMany(n => new[] { CleanupStatementBuilder.AccountNodes(n), CleanupStatementBuilder.SharedAccountNodes(n) })));

        Snapshot.Match(text, Folder + "erase-account.cypher");
    }

    [Fact]
    public void CleanupStatements_NonInventoryType_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => CleanupStatementBuilder.StaleNodes(ItemUsageEvent, scopeProperty: null));
        Assert.Throws<ArgumentException>(() => CleanupStatementBuilder.StaleRelationships(UserPerformedItemUsage, fromScopeProperty: null));
        Assert.Throws<ArgumentException>(() => CleanupStatementBuilder.EndedMemberships(AccountHasVault));
    }

    [Fact]
    public void GeneratedStatements_UseOnlyDeclaredLabelsAndTypes()
    {
        var declared = GraphSchema.OnePassword.NodeTypes.SelectMany(n => n.Labels.Concat(n.RoleLabels))
            .Concat(GraphSchema.OnePassword.RelationshipTypes.Select(r => r.Label)).ToHashSet(StringComparer.Ordinal);
        var parts = GraphSchema.OnePassword.NodeTypes.Select(n => (WritePart)new WritePart.Nodes(n, n.RoleLabels, Placeholder: false))
            .Concat(GraphSchema.OnePassword.RelationshipTypes.Select(r => new WritePart.Relationships(r)))
            .Append(new WritePart.AggregateRefresh(UsageAggregate)).ToList();
        var text = WriteStatementBuilder.Build(parts, SyncState);

        var labels = System.Text.RegularExpressions.Regex.Matches(text, @"[:]`([^`]+)`").Select(m => m.Groups[1].Value);
        Assert.All(labels, label => Assert.Contains(label, declared));
    }
}
