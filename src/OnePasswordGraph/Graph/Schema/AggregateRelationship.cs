namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// A relationship whose properties summarise the records on a two-step path
/// <c>(Relationship.From)-[Inbound]-&gt;(record)-[Outbound]-&gt;(Relationship.To)</c>: how many, the first and last
/// <see cref="TimeProperty"/>, and the distinct <see cref="ValueProperty"/> values. It is kept up to date by adding the
/// records each write creates, so a write costs the same however long the history behind the pair; a record that
/// already existed (a replayed page) is not counted again.
/// </summary>
public sealed record AggregateRelationship(
    RelationshipType Relationship,
    RelationshipType Inbound,
    RelationshipType Outbound,
    string TimeProperty,
    string ValueProperty,
    string CountProperty,
    string FirstProperty,
    string LastProperty,
    string ValuesProperty)
{
    // As RelationshipType's: the synthesized hash would walk three relationship declarations on every lookup.
    public override int GetHashCode() => Relationship.GetHashCode();
}
