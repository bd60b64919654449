namespace OnePasswordGraph.Delivery;

/// <summary>How delivering one account's findings went, per channel.</summary>
public sealed record DeliveryRunSummary(string Account, IReadOnlyList<ChannelDeliveryResult> Channels)
{
    /// <summary>Gets a value indicating whether every channel delivered what it owed.</summary>
    public bool Succeeded => Channels.All(c => !c.Failed);
}
