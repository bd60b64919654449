namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>The Slack sink. Bound from <c>Alerts:Sinks:Slack</c>.</summary>
public sealed class SlackSinkOptions
{
    /// <summary>Gets or sets the incoming-webhook URL (it is a secret: prefer <see cref="WebhookUrlFile"/>); the sink is off when neither is set.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Gets or sets a file holding <see cref="WebhookUrl"/> instead.</summary>
    public string? WebhookUrlFile { get; set; }

    /// <summary>Gets or sets the least severity sent: info, low, medium, high or critical.</summary>
    /// <value>The default value is <c>low</c>.</value>
    public string? MinSeverity { get; set; }
}
