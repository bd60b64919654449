namespace OnePasswordGraph.Sources.Events;

/// <summary>
/// What to ask a stream for: the page after a stored cursor, or (first run, or a cursor that cannot be used) a reset
/// that starts at a point in time. Pages are never asked for by time window otherwise: the Events API is eventually
/// consistent, and only a continuing cursor sees events that arrive late.
/// </summary>
public abstract record EventPageRequest
{
    private EventPageRequest()
    {
    }

    /// <summary>The page after <paramref name="Value"/>.</summary>
    public sealed record Continue(string Value) : EventPageRequest;

    /// <summary>A new cursor starting at <paramref name="StartTime"/>, with pages of <paramref name="Limit"/> events.</summary>
    public sealed record Reset(DateTimeOffset StartTime, int Limit) : EventPageRequest;
}
