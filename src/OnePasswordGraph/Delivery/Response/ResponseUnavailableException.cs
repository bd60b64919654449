using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Delivery.Response;

/// <summary>An action cannot be attempted for the account: no Users API is configured, or its account id is unknown.</summary>
public sealed class ResponseUnavailableException : OnePasswordGraphException
{
    public ResponseUnavailableException(string message)
        : base(message)
    {
    }
}
