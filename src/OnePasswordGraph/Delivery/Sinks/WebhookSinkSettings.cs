using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Delivery.Sinks;

/// <summary>The signed webhook sink: where to POST, the HMAC key, and the least severity it receives.</summary>
public sealed record WebhookSinkSettings(Uri Url, string Secret, AlertSeverity MinSeverity)
{
    /// <summary>Gets the settings without the secret, so a log or an exception that prints the record cannot leak it.</summary>
    public override string ToString() => $"WebhookSinkSettings {{ Url = {Url.GetLeftPart(UriPartial.Authority)}, MinSeverity = {MinSeverity} }}";
}
