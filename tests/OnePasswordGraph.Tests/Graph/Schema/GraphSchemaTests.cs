using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Tests.Graph.Schema;

public sealed class GraphSchemaTests
{
    [Fact]
    public void OnePassword_CoversEveryTypeOfTheDesignDataModel()
    {
        string[] designTypes =
        [
            "one_password_account", "one_password_user", "one_password_vault", "one_password_secret", "one_password_item_usage_event",
            "one_password_audit_event", "one_password_signin_attempt_event", "one_password_sync_state", "one_password_alert",
        ];

        // Beyond the design's table: the outbox's record of each finding's delivery to each channel, and what a response did.
        string[] delivery = ["one_password_alert_delivery", "one_password_response_action"];

        // And where a malformed event from the Events API is kept instead of dropped.
        string[] quarantine = ["one_password_quarantined_event"];

        Assert.Equal([.. designTypes, .. delivery, .. quarantine], GraphSchema.OnePassword.NodeTypes.Select(n => n.Type));
        Assert.Equal(
            ["ACCESSED", "FLAGS", "HAS", "IMPACTS", "PERFORMED", "TRIGGERED", "UPDATED", "USED"],
            GraphSchema.OnePassword.RelationshipTypes.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ctor_BadIdentifierOrForeignEndType_ReportsEveryProblem()
    {
        var node = new NodeType("bad label", "Thing", "x", NodeWriteMode.Upsert, [new PropertyDefinition("ok", PropertyKind.String, "x")], []);
        var stranger = node with { Type = "stranger" };
        var relationship = new RelationshipType("rel", node, "LINKS-TO", stranger, "x", []);

        var error = Assert.Throws<InvalidOperationException>(() => new GraphSchema([node], [relationship]));

        Assert.Equal(
            "The graph schema is invalid:\n"
            + "node type bad label: 'bad label' is not a plain identifier\n"
            + "relationship type rel: 'LINKS-TO' is not a plain identifier\n"
            + "relationship type rel: its end types must be declared node types",
            error.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Ctor_RemovalOfCrossAccountLinksToSharedPeopleOrOfAnUndeclaredType_IsRefused()
    {
        var toUsers = OnePasswordRelationshipTypes.AlertFlags.Single(flags => flags.To == OnePasswordNodeTypes.User);
        var toSecrets = OnePasswordRelationshipTypes.AlertFlags.Single(flags => flags.To == OnePasswordNodeTypes.Secret);
        var migration = new PropertyMigration("m1", "x", [], [toUsers, toSecrets]);

        var error = Assert.Throws<InvalidOperationException>(() => new GraphSchema(OnePasswordNodeTypes.All, [toUsers], [migration]));

        Assert.Equal(
            "The graph schema is invalid:\n"
            + "removal of cross-account one_password_alert_flags_user links: the relationship type must be declared and its target owned by one account\n"
            + "removal of cross-account one_password_alert_flags_secret links: the relationship type must be declared and its target owned by one account",
            error.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Ctor_RenameOfAPropertyStillDeclaredOrToAnUndeclaredOne_IsRefused()
    {
        var node = new NodeType("thing", "Thing", "x", NodeWriteMode.Upsert, [new PropertyDefinition("kept", PropertyKind.String, "x"), new PropertyDefinition("newName", PropertyKind.String, "x")], []);
        var migration = new PropertyMigration("m1", "x", [new PropertyRename(node, "kept", "newName"), new PropertyRename(node, "old", "missing"), new PropertyRename(node, "old", "newName")]);

        var error = Assert.Throws<InvalidOperationException>(() => new GraphSchema([node], [], [migration]));

        Assert.Equal(
            "The graph schema is invalid:\n"
            + "rename thing.kept -> newName: the new name must be declared and the old one not\n"
            + "rename thing.old -> missing: the new name must be declared and the old one not",
            error.Message.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Declares_EqualButForeignDeclaration_IsFalse()
    {
        var copy = OnePasswordNodeTypes.User with { };

        Assert.False(GraphSchema.OnePassword.Declares(copy));
        Assert.True(GraphSchema.OnePassword.Declares(OnePasswordNodeTypes.User));
    }
}
