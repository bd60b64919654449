using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Sources.Events;

/// <summary>A failed Events API call. The message names the likely cause; it never holds the token.</summary>
public sealed class EventsApiException : OnePasswordGraphException, ITransientFailure
{
    public EventsApiException(string message, int? statusCode, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the HTTP status, or null when no response came (connection failure, timeout).</summary>
    public int? StatusCode { get; }

    public bool IsTransient { get; }

    public TimeSpan? RetryAfter { get; }
}
