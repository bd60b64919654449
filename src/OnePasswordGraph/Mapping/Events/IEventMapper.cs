using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Mapping.Events;

/// <summary>Turns one page of events into graph changes. Pure: no I/O and no clock.</summary>
public interface IEventMapper<TEvent>
{
    /// <summary>Maps the page.</summary>
    GraphChanges Map(IReadOnlyList<TEvent> events, string apiVersion);

    /// <summary>Gets when an event happened.</summary>
    DateTimeOffset TimestampOf(TEvent item);

    /// <summary>Gets an event's uuid, which makes it the same event wherever it appears.</summary>
    string UuidOf(TEvent item);
}
