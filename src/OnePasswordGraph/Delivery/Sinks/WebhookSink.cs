using System.Globalization;
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
    private readonly SinkSender _sender;
    private readonly TimeProvider _timeProvider;

    public WebhookSink(WebhookSinkSettings settings, IHttpClientFactory clients, TransientRetry retry, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _sender = new SinkSender(clients, retry, timeProvider, "Alerts:Sinks:Webhook:Url");
        _timeProvider = timeProvider;
    }

    public string Name => ChannelName;

    public bool Accepts(AlertMessage alert) => alert is not null && alert.Severity >= _settings.MinSeverity;

    public Task DeliverAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var body = AlertJson.Utf8(alert);

        // Each attempt is signed anew, so a retry after a long Retry-After still carries a fresh timestamp.
        return _sender.PostAsync(_settings.Url, body, request => Sign(request, alert.Fingerprint, body), cancellationToken);
    }

    private void Sign(HttpRequestMessage request, string fingerprint, byte[] body)
    {
        var timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Signature(timestamp, body));
        request.Headers.Add(IdempotencyKeyHeader, fingerprint);
    }

    private string Signature(string timestamp, byte[] body)
    {
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed, timestamp.Length + 1);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_settings.Secret), signed));
    }
}
