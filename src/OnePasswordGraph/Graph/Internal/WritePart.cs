using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// One <c>UNWIND</c> section of a write statement. Rows of the same part share one text, so a statement's text
/// depends only on which parts it has, which keeps Neo4j's plan cache warm.
/// </summary>
internal abstract record WritePart
{
    private protected WritePart()
    {
    }

    /// <summary>Nodes of one type carrying the same role labels, written in full or as placeholders.</summary>
    public sealed record Nodes(NodeType Type, IReadOnlyList<string> RoleLabels, bool Placeholder) : WritePart
    {
        public bool Equals(Nodes? other) =>
            other is not null && Type == other.Type && Placeholder == other.Placeholder && RoleLabels.SequenceEqual(other.RoleLabels);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(Type.Type, StringComparer.Ordinal);
            hash.Add(Placeholder);
            foreach (var label in RoleLabels)
            {
                hash.Add(label, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }

    /// <summary>
    /// Relationships of one declared type. An end that the same statement has just written as a node (<paramref name="FromWritten"/>,
    /// <paramref name="ToWritten"/>) is looked up rather than merged again, and its row carries no placeholder properties.
    /// </summary>
    public sealed record Relationships(RelationshipType Type, bool FromWritten = false, bool ToWritten = false) : WritePart;

    /// <summary>Recomputation of one declared aggregate relationship.</summary>
    public sealed record AggregateRefresh(AggregateRelationship Aggregate) : WritePart;
}
