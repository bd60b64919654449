using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Sources.Users;

/// <summary>A failed Users API call. The message names the likely cause and what the API said; it never holds a secret or token.</summary>
public sealed class UsersApiException : OnePasswordGraphException, ITransientFailure
{
    public UsersApiException(string message, int? statusCode, string? errorCode, bool isTransient, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>Gets the HTTP status, or null when no response came (connection failure, timeout).</summary>
    public int? StatusCode { get; }

    /// <summary>Gets the error body's <c>code</c> (such as <c>InvalidArgument</c> or <c>FailedPrecondition</c>), when there was one.</summary>
    public string? ErrorCode { get; }

    public bool IsTransient { get; }

    public TimeSpan? RetryAfter { get; }
}
