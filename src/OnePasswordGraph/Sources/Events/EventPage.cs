namespace OnePasswordGraph.Sources.Events;

/// <summary>
/// One page of a stream: its events, the cursor that follows them, and whether more are ready now. Elements of the
/// page that are not readable events are in <see cref="Malformed"/>, not in <see cref="Items"/>.
/// </summary>
public sealed record EventPage<TEvent>(string Cursor, bool HasMore, IReadOnlyList<TEvent> Items)
{
    /// <summary>Gets the page's elements that could not be read as events, in page order.</summary>
    public IReadOnlyList<MalformedEvent> Malformed { get; init; } = [];
}
