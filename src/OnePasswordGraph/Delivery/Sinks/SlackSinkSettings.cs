using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Delivery.Sinks;

/// <summary>The Slack sink: the incoming-webhook URL (itself a secret) and the least severity it receives.</summary>
public sealed record SlackSinkSettings(Uri WebhookUrl, AlertSeverity MinSeverity)
{
    /// <summary>Gets the settings without the URL's path, which is the webhook's secret.</summary>
    public override string ToString() => $"SlackSinkSettings {{ WebhookUrl = {WebhookUrl.GetLeftPart(UriPartial.Authority)}/…, MinSeverity = {MinSeverity} }}";
}
