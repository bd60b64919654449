using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Tests.Graph.Internal;

public sealed class BatchPlannerTests
{
    private static readonly GraphWriteContext Context = new("ACC", "run-7");

    [Fact]
    public void Plan_RepeatedUser_WrittenOnceWithUnionOfRoleLabelsAndLatestValues()
    {
        var changes = new GraphChanges(
            [
                new GraphEntity(User, "U1", Props(("email", "old@example.com"), ("name", "Ada")), new HashSet<string> { "one_password_item_usage_user" }),
                new GraphEntity(User, "U1", Props(("email", "new@example.com"), ("name", null)), new HashSet<string> { "one_password_audit_event_actor_details" }),
            ],
            []);

        var batch = Assert.Single(BatchPlanner.Plan(changes, Context, batchSize: 100));

        var part = Assert.IsType<WritePart.Nodes>(Assert.Single(batch.Parts));
        Assert.Equal(["one_password_audit_event_actor_details", "one_password_item_usage_user"], part.RoleLabels);
        var row = (IReadOnlyDictionary<string, object?>)Assert.Single(batch.Rows[0])!;
        var props = (IReadOnlyDictionary<string, object?>)row["props"]!;
        Assert.Equal("new@example.com", props["email"]);
        Assert.Equal("Ada", props["name"]);
        Assert.Equal("ACC", props["account"]);
        Assert.Equal("User", props["_class"]);
    }

    [Fact]
    public void Plan_PlaceholderAndFullNodeOfOneKey_KeepsOnlyTheFullNode()
    {
        var changes = new GraphChanges(
            [new GraphEntity(Secret, "S1", Props(("vaultUUID", "v1")), IsPlaceholder: true), new GraphEntity(Secret, "S1", Props(("name", "DB")))],
            []);

        var batch = Assert.Single(BatchPlanner.Plan(changes, Context, batchSize: 100));

        Assert.False(Assert.IsType<WritePart.Nodes>(Assert.Single(batch.Parts)).Placeholder);
    }

    [Fact]
    public void Plan_MoreRowsThanBatchSize_CutsInOrderNodesBeforeRelationships()
    {
        var users = Enumerable.Range(0, 5).Select(i => new GraphEntity(User, $"U{i}", Props())).ToList();
        var relationships = users.Select(u => new GraphRelationship(AccountHasUser, "A", u.Key, Props())).ToList();

        var batches = BatchPlanner.Plan(new GraphChanges(users, relationships), Context, batchSize: 4).ToList();

        Assert.Equal([4, 4, 2], batches.Select(b => b.RowCount));
        Assert.IsType<WritePart.Nodes>(batches[0].Parts.Single());
        Assert.Equal(2, batches[1].Parts.Count);
        Assert.IsType<WritePart.Relationships>(batches[2].Parts.Single());
    }

    [Fact]
    public void Plan_RelationshipRow_CarriesJupiterOneKeyAndEndStamps()
    {
        var batch = Assert.Single(BatchPlanner.Plan(new GraphChanges([], [new GraphRelationship(UserPerformedItemUsage, "U1", "E1", Props())]), Context, batchSize: 10));

        var row = (IReadOnlyDictionary<string, object?>)batch.Rows[0][0]!;
        var props = (IReadOnlyDictionary<string, object?>)row["props"]!;
        Assert.Equal("U1|performed|E1", props["_key"]);
        Assert.Equal("one_password_user_performed_item_usage_event", props["_type"]);
        Assert.Equal("PERFORMED", props["_class"]);
        Assert.Equal("one_password_item_usage_event", ((IReadOnlyDictionary<string, object?>)row["toProps"]!)["_type"]);
    }

    [Fact]
    public void Plan_RepeatedRelationshipAndEndsOfTheStatement_OneRowThatLooksTheEndsUp()
    {
        var user = new GraphEntity(User, "U1", Props(("email", "a@example.com")));
        var relationships = new[] { new GraphRelationship(AccountHasUser, "A", "U1", Props()), new GraphRelationship(AccountHasUser, "A", "U1", Props()) };

        var batch = Assert.Single(BatchPlanner.Plan(new GraphChanges([user], relationships), Context, batchSize: 10));

        Assert.Equal(new WritePart.Relationships(AccountHasUser, FromWritten: false, ToWritten: true), batch.Parts[1]);
        var row = (IReadOnlyDictionary<string, object?>)Assert.Single(batch.Rows[1])!;
        Assert.True(row.ContainsKey("fromProps"));
        Assert.False(row.ContainsKey("toProps"));
    }

    [Fact]
    public void Plan_RepeatedRelationshipWithValues_OneRowInFirstOrderWithTheLatestNonNullValues()
    {
        var relationships = new[]
        {
            new GraphRelationship(AccountHasUser, "A", "U1", Props(("role", "member"), ("team", "ops"))),
            new GraphRelationship(AccountHasUser, "A", "U2", Props(("role", "admin"))),
            new GraphRelationship(AccountHasUser, "A", "U1", Props(("role", "owner"), ("team", null))),
        };

        var batch = Assert.Single(BatchPlanner.Plan(new GraphChanges([], relationships), Context, batchSize: 10));

        var rows = batch.Rows.Single().Cast<IReadOnlyDictionary<string, object?>>().ToList();
        Assert.Equal(["U1", "U2"], rows.Select(r => (string)r["to"]!));
        var first = (IReadOnlyDictionary<string, object?>)rows[0]["props"]!;
        Assert.Equal("owner", first["role"]);
        Assert.Equal("ops", first["team"]);
        Assert.Equal("admin", ((IReadOnlyDictionary<string, object?>)rows[1]["props"]!)["role"]);
    }

    [Fact]
    public void Plan_PlaceholderThenTwoFullNodesOfOneKey_OneFullRowWithTheFullNodesValues()
    {
        var changes = new GraphChanges(
            [
                new GraphEntity(Secret, "S1", Props(("vaultUUID", "v1")), IsPlaceholder: true),
                new GraphEntity(Secret, "S1", Props(("name", "DB"), ("vaultUUID", "v2"))),
                new GraphEntity(Secret, "S1", Props(("name", null), ("category", "LOGIN"))),
                new GraphEntity(Secret, "S1", Props(("vaultUUID", "v3")), IsPlaceholder: true),
            ],
            []);

        var batch = Assert.Single(BatchPlanner.Plan(changes, Context, batchSize: 10));

        Assert.False(Assert.IsType<WritePart.Nodes>(Assert.Single(batch.Parts)).Placeholder);
        var props = (IReadOnlyDictionary<string, object?>)((IReadOnlyDictionary<string, object?>)Assert.Single(batch.Rows[0])!)["props"]!;
        Assert.Equal("DB", props["name"]);
        Assert.Equal("v2", props["vaultUUID"]);
        Assert.Equal("LOGIN", props["category"]);
    }

    private static Dictionary<string, object?> Props(params (string Key, object? Value)[] values) => values.ToDictionary(v => v.Key, v => v.Value);
}
