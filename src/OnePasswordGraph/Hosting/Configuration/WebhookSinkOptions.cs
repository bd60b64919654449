namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>The signed webhook sink. Bound from <c>Alerts:Sinks:Webhook</c>.</summary>
public sealed class WebhookSinkOptions
{
    /// <summary>Gets or sets the receiver's URL (https; plain http only for loopback); the sink is off when unset.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the HMAC-SHA256 key the receiver verifies signatures with.</summary>
    public string? Secret { get; set; }

    /// <summary>Gets or sets a file holding <see cref="Secret"/> instead.</summary>
    public string? SecretFile { get; set; }

    /// <summary>Gets or sets the least severity sent: info, low, medium, high or critical.</summary>
    /// <value>The default value is <c>low</c>.</value>
    public string? MinSeverity { get; set; }
}
