using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Tests.Graph.Internal;

public sealed class ChangeValidatorTests
{
    private static readonly Dictionary<string, object?> NoProperties = [];

    [Fact]
    public void Validate_DeclaredChanges_Passes()
    {
        var changes = new GraphChanges(
            [new GraphEntity(User, "U1", new Dictionary<string, object?> { ["email"] = "a@example.com", ["name"] = null }, new HashSet<string> { "one_password_item_usage_user" })],
            [new GraphRelationship(AccountHasUser, "A1", "U1", NoProperties)]);

        ChangeValidator.Validate(GraphSchema.OnePassword, changes, checkpoint: null);
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryProblemAtOnce()
    {
        var impostor = User with { Type = "one_password_user" };
        var undeclaredLabel = new RelationshipType("x", User, "OWNS", Secret, "not declared", []);
        var changes = new GraphChanges(
            [
                new GraphEntity(impostor, "U0", NoProperties),
                new GraphEntity(User, "", new Dictionary<string, object?> { ["email"] = 42L, ["_key"] = "x", ["password"] = "p" }, new HashSet<string> { "Admin" }),
                new GraphEntity(Secret, "S1", new Dictionary<string, object?> { ["tags"] = new object[] { "a", 1 } }),
            ],
            [new GraphRelationship(undeclaredLabel, "U1", "S1", NoProperties)]);

        var error = Assert.Throws<GraphValidationException>(() => ChangeValidator.Validate(GraphSchema.OnePassword, changes, checkpoint: null));

        Assert.Equal(
            [
                "one_password_user 'U0': the node type is not declared in the graph schema",
                "one_password_user: a node has an empty _key",
                "one_password_user '': role label 'Admin' is not declared for one_password_user",
                "one_password_user '': property 'email' must be a string, not Int64",
                "one_password_user '': property '_key' is maintained by the writer and cannot be set",
                "one_password_user '': property 'password' is not declared",
                "one_password_secret 'S1': property 'tags' must be a list of strings, not Object[]",
                "x 'U1'->'S1': the relationship type is not declared in the graph schema",
            ],
            error.Problems);
        Assert.StartsWith("The write does not fit the graph schema; nothing was written:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UndeclaredCheckpointProperty_IsRefused()
    {
        var checkpoint = new GraphEntity(SyncState, "a:itemusages", new Dictionary<string, object?> { ["token"] = "x" });

        var error = Assert.Throws<GraphValidationException>(() => ChangeValidator.Validate(GraphSchema.OnePassword, GraphChanges.Empty, checkpoint));

        Assert.Equal(["one_password_sync_state 'a:itemusages': property 'token' is not declared"], error.Problems);
    }
}
