using OnePasswordGraph.Delivery.Sinks.Internal;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Delivery.Sinks;

/// <summary>Posts one readable Slack message per finding to an incoming webhook (<see cref="SlackMessage"/>).</summary>
public sealed class SlackSink : IAlertChannel
{
    public const string ChannelName = "slack";

    private readonly SlackSinkSettings _settings;
    private readonly SinkSender _sender;

    public SlackSink(SlackSinkSettings settings, IHttpClientFactory clients, TransientRetry retry, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _sender = new SinkSender(clients, retry, timeProvider, "Alerts:Sinks:Slack:WebhookUrl");
    }

    public string Name => ChannelName;

    public bool Accepts(AlertMessage alert) => alert is not null && alert.Severity >= _settings.MinSeverity;

    public Task DeliverAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return _sender.PostAsync(_settings.WebhookUrl, SlackMessage.Utf8(alert), sign: null, cancellationToken);
    }
}
