using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Graph.Jobs;

public sealed class JobQuerySnapshotTests
{
    [Fact]
    public void StatusQueries_EveryNodeTypeAndLabel_MatchSnapshot()
    {
        var schema = GraphSchema.OnePassword;
        var text = string.Join(
            ";\n",
            new[] { AccountStatusQueries.States }
                .Concat(schema.NodeTypes.Select(AccountStatusQueries.NodeCount))
                .Concat(schema.RelationshipTypes.Select(r => r.Label).Distinct(StringComparer.Ordinal).Select(AccountStatusQueries.RelationshipCounts)));

        Snapshot.Match(text, "tests/OnePasswordGraph.Tests/Graph/Snapshots/status-reads.cypher");
    }

    [Fact]
    public void StatusStateColumns_AreDeclaredPropertiesOfTheSyncState()
    {
        var undeclared = AccountStatusQueries.StateColumns.Where(c => OnePasswordNodeTypes.SyncState.Property(c) is null).ToList();

        Assert.Empty(undeclared);
    }
}
