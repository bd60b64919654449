namespace OnePasswordGraph.Graph.Schema;

/// <summary>
/// A relationship whose properties summarise the records on a two-step path
/// <c>(Relationship.From)-[Inbound]-&gt;(record)-[Outbound]-&gt;(Relationship.To)</c>: how many, the first and last
/// <see cref="TimeProperty"/>, and the distinct <see cref="ValueProperty"/> values. Recomputing it from the records
/// (rather than incrementing) keeps it exact when a page is replayed.
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
    string ValuesProperty);
