using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using OnePasswordGraph.Delivery.Sinks.Internal;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Delivery.Sinks;

/// <summary>
/// POSTs each finding (<see cref="AlertJson"/>) to a receiver, signed so it can prove the sender and reject replays:
/// <c>X-OnePasswordGraph-Timestamp</c> (Unix seconds) and <c>X-OnePasswordGraph-Signature: sha256=&lt;hex HMAC-SHA256 of
/// timestamp + "." + body&gt;</c>, plus <c>Idempotency-Key: &lt;fingerprint&gt;</c> so it can drop a repeat.
/// </summary>
public sealed class WebhookSink : IAlertChannel
{
    public const string ChannelName = "webhook";
    public const string SignatureHeader = "X-OnePasswordGraph-Signature";
    public const string TimestampHeader = "X-OnePasswordGraph-Timestamp";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private readonly WebhookSinkSettings _settings;
    private readonly IHttpClientFactory _clients;
    private readonly TransientRetry _retry;
    private readonly TimeProvider _timeProvider;

    public WebhookSink(WebhookSinkSettings settings, IHttpClientFactory clients, TransientRetry retry, TimeProvider timeProvider)
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
        var body = AlertJson.Utf8(alert);
        var client = _clients.CreateClient(AlertSinkHttpClients.Name);

        // Each attempt is signed anew, so a retry after a long Retry-After still carries a fresh timestamp.
        return _retry.ExecuteAsync(token => SinkHttp.SendAsync(client, () => Request(alert.Fingerprint, body), "Alerts:Sinks:Webhook:Url", _timeProvider, token), cancellationToken);
    }

    private HttpRequestMessage Request(string fingerprint, byte[] body)
    {
        var timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        var request = new HttpRequestMessage(HttpMethod.Post, _settings.Url) { Content = content };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Sign(timestamp, body));
        request.Headers.Add(IdempotencyKeyHeader, fingerprint);
        return request;
    }

    private string Sign(string timestamp, byte[] body)
    {
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed, timestamp.Length + 1);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_settings.Secret), signed));
    }
}
