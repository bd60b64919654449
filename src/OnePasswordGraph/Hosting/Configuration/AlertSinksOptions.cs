namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>Where findings are sent beyond the console and the log. Bound from <c>Alerts:Sinks</c>.</summary>
public sealed class AlertSinksOptions
{
    /// <summary>Gets or sets how long an undelivered finding is still tried, e.g. <c>7d</c> or <c>12h</c>.</summary>
    /// <value>The default value is <c>7d</c>.</value>
    public string? MaxAge { get; set; }

    /// <summary>Gets the JSON-lines file sink (<c>Alerts:Sinks:Jsonl:Path</c>).</summary>
    public JsonlSinkOptions Jsonl { get; } = new();

    /// <summary>Gets the signed webhook sink (<c>Alerts:Sinks:Webhook:Url</c>, <c>Secret</c> or <c>SecretFile</c>).</summary>
    public WebhookSinkOptions Webhook { get; } = new();

    /// <summary>Gets the Slack incoming-webhook sink (<c>Alerts:Sinks:Slack:WebhookUrl</c> or <c>WebhookUrlFile</c>).</summary>
    public SlackSinkOptions Slack { get; } = new();
}
