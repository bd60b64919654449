namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>The response of every event endpoint; a null or absent <c>items</c> means an empty page.</summary>
internal sealed record EventEnvelope<TEvent>(string? Cursor, bool HasMore, IReadOnlyList<TEvent>? Items);
