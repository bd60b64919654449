using System.Net.Http.Headers;
using OnePasswordGraph.Delivery.Sinks.Internal;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Delivery.Sinks;

/// <summary>Posts one readable Slack message per finding to an incoming webhook (<see cref="SlackMessage"/>).</summary>
public sealed class SlackSink : IAlertChannel
{
    public const string ChannelName = "slack";

    private readonly SlackSinkSettings _settings;
    private readonly IHttpClientFactory _clients;
    private readonly TransientRetry _retry;
    private readonly TimeProvider _timeProvider;

    public SlackSink(SlackSinkSettings settings, IHttpClientFactory clients, TransientRetry retry, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _clients = clients;
        _retry = retry;
        _timeProvider = timeProvider;
    }

    public string Name => ChannelName;

    public bool Accepts(AlertMessage alert) => alert is not null && alert.Severity >= _settings.MinSeverity;

    public Task DeliverAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var body = SlackMessage.Utf8(alert);
        var client = _clients.CreateClient(AlertSinkHttpClients.Name);
        return _retry.ExecuteAsync(token => SinkHttp.SendAsync(client, () => Request(body), "Alerts:Sinks:Slack:WebhookUrl", _timeProvider, token), cancellationToken);
    }

    private HttpRequestMessage Request(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return new HttpRequestMessage(HttpMethod.Post, _settings.WebhookUrl) { Content = content };
    }
}
