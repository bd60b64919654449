using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Sources.Events;

/// <summary>The Events API refused a stored cursor; the stream restarts from its last event time.</summary>
public sealed class CursorRejectedException : OnePasswordGraphException
{
    public CursorRejectedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
