using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Delivery.Sinks;

/// <summary>A sink's receiver failed in a way that may pass: 429, a 5xx, a timeout, a refused connection, a locked file.</summary>
public sealed class AlertSinkException : OnePasswordGraphException, ITransientFailure
{
    public AlertSinkException(string message, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    public bool IsTransient => true;

    public TimeSpan? RetryAfter { get; }
}
