namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>Every later request: the cursor alone (the page size travels inside it).</summary>
internal sealed record CursorRequest(string Cursor);
