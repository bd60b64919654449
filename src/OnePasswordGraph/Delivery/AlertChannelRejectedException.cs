using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Delivery;

/// <summary>A channel's receiver refused a delivery in a way that retrying cannot fix, such as a webhook answering 401 or 404.</summary>
public sealed class AlertChannelRejectedException : OnePasswordGraphException
{
    public AlertChannelRejectedException(string message)
        : base(message)
    {
    }
}
