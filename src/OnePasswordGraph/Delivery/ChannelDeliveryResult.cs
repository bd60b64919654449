namespace OnePasswordGraph.Delivery;

/// <summary>How one channel's deliveries for one account went in one run.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="Delivered">Findings the channel accepted.</param>
/// <param name="Skipped">Findings the channel is not meant to receive (recorded, never offered again).</param>
/// <param name="Remaining">Findings still owed after the run (a failure stops the channel until the next run).</param>
/// <param name="Error">Why the channel stopped, or null.</param>
public sealed record ChannelDeliveryResult(string Channel, int Delivered, int Skipped, int Remaining, string? Error)
{
    /// <summary>Gets a value indicating whether the channel failed in this run.</summary>
    public bool Failed => Error is not null;
}
