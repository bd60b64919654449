using OnePasswordGraph.Delivery.Sinks;

namespace OnePasswordGraph.Delivery;

/// <summary>Resolved delivery settings: the configured sinks and how long an undelivered finding is still tried.</summary>
/// <param name="MaxAge">Findings raised longer ago than this are no longer delivered (and counted as expired in <c>status</c>).</param>
/// <param name="Jsonl">The JSON-lines file sink, when configured.</param>
/// <param name="Webhook">The signed webhook sink, when configured.</param>
/// <param name="Slack">The Slack incoming-webhook sink, when configured.</param>
public sealed record DeliverySettings(TimeSpan MaxAge, JsonlSinkSettings? Jsonl, WebhookSinkSettings? Webhook, SlackSinkSettings? Slack)
{
    /// <summary>The default of <see cref="MaxAge"/>: a sink that was down for a week still gets that week's findings.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromDays(7);

    /// <summary>Gets the defaults: no sink beyond the console and the log.</summary>
    public static DeliverySettings None { get; } = new(DefaultMaxAge, null, null, null);
}
