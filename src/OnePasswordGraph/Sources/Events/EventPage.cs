namespace OnePasswordGraph.Sources.Events;

/// <summary>One page of a stream: its events, the cursor that follows them, and whether more are ready now.</summary>
public sealed record EventPage<TEvent>(string Cursor, bool HasMore, IReadOnlyList<TEvent> Items);
