using OnePasswordGraph.Graph.Internal;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Tests.Support;

/// <summary>The parts of a typical item-usage page write, for the snapshot of its statement and the Cypher lint.</summary>
internal static class SampleWriteParts
{
    public static IReadOnlyList<WritePart> ItemUsagePage { get; } =
    [
        new WritePart.Nodes(User, ["one_password_item_usage_user"], Placeholder: false),
        new WritePart.Nodes(ItemUsageEvent, [], Placeholder: false),
        new WritePart.Nodes(Secret, [], Placeholder: true),
        new WritePart.Relationships(AccountHasUser, FromWritten: false, ToWritten: true),
        new WritePart.Relationships(UserPerformedItemUsage, FromWritten: true, ToWritten: true),
        new WritePart.Relationships(ItemUsageAccessedSecret, FromWritten: true, ToWritten: true),
        new WritePart.AggregateRefresh(UsageAggregate),
    ];
}
