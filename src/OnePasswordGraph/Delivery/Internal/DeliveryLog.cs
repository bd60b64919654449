using Microsoft.Extensions.Logging;

namespace OnePasswordGraph.Delivery.Internal;

internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 8101, EventName = "FindingsDelivered", Level = LogLevel.Information,
        Message = "Delivered {Delivered} findings of account {Account} to {Channel} ({Remaining} still owed)")]
    public static partial void FindingsDelivered(ILogger logger, string account, string channel, int delivered, int remaining);

    [LoggerMessage(EventId = 8102, EventName = "DeliveryFailed", Level = LogLevel.Warning,
        Message = "Delivering finding {Fingerprint} of account {Account} to {Channel} failed; {Remaining} findings stay owed until the next run: {Error}")]
    public static partial void DeliveryFailed(ILogger logger, string account, string channel, string fingerprint, int remaining, string error);

    [LoggerMessage(EventId = 8103, EventName = "ChannelRejected", Level = LogLevel.Error,
        Message = "{Channel} refused finding {Fingerprint} of account {Account} and retrying cannot help; fix its configuration ({Remaining} findings owed): {Error}")]
    public static partial void ChannelRejected(ILogger logger, string account, string channel, string fingerprint, int remaining, string error);

    [LoggerMessage(EventId = 8104, EventName = "ClaimTakenOver", Level = LogLevel.Information,
        Message = "Delivery of finding {Fingerprint} to {Channel} was claimed by {Holder}, a process of this host that no longer runs; delivering it again")]
    public static partial void ClaimTakenOver(ILogger logger, string channel, string fingerprint, string holder);

    [LoggerMessage(EventId = 8105, EventName = "FindingDelivered", Level = LogLevel.Debug,
        Message = "Delivered finding {Fingerprint} of account {Account} to {Channel}")]
    public static partial void FindingDelivered(ILogger logger, string account, string channel, string fingerprint);
}
