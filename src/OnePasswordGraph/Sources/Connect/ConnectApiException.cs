using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Sources.Connect;

/// <summary>A failed Connect call. The message names the likely cause; it never holds the token.</summary>
public sealed class ConnectApiException : OnePasswordGraphException, ITransientFailure
{
    public ConnectApiException(string message, int? statusCode, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    public int? StatusCode { get; }

    public bool IsTransient { get; }

    public TimeSpan? RetryAfter { get; }
}
