using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Delivery.Sinks;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Rules;
using static OnePasswordGraph.IntegrationTests.Delivery.SinkTestSupport;

namespace OnePasswordGraph.IntegrationTests.Delivery;

public sealed class WebhookSinkTests
{
    [Fact]
    public async Task Deliver_AcceptingReceiver_PostsTheFindingSignedOverTimestampAndRawBody()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        var sink = new WebhookSink(new WebhookSinkSettings(receiver.Url, Secret, AlertSeverity.Low), HttpClients, Retry(), clock);

        await sink.DeliverAsync(Alert(), CancellationToken.None);

        var request = Assert.Single(receiver.Requests);
        Assert.True(WebhookSignature.IsValid(request, Secret), "the signature does not verify");
        Assert.False(WebhookSignature.IsValid(request, Secret + "x"), "a wrong secret verified");
        Assert.Equal("1796032800", request.Header("X-OnePasswordGraph-Timestamp"));
        Assert.Equal(Alert().Fingerprint, request.Header("Idempotency-Key"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(
            ["fingerprint", "ruleId", "ruleName", "severity", "summary", "account", "occurredOn", "createdOn", "flagged", "evidence"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("high", "acme", "2026-11-30T09:15:00.123Z", "2026-11-30T09:20:00.000Z"), (root.GetProperty("severity").GetString(), root.GetProperty("account").GetString(), root.GetProperty("occurredOn").GetString(), root.GetProperty("createdOn").GetString()));
        Assert.Equal(["U1", "V1"], root.GetProperty("flagged").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["E1", "E2"], root.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Deliver_TransientAnswerThenSuccess_RetriesWithTheSameKeyAndAFreshSignature(int status)
    {
        var answered = 0;
        await using var receiver = await AlertReceiver.StartAsync((_, _) => Task.FromResult(Interlocked.Increment(ref answered) == 1 ? Results.StatusCode(status) : Results.Ok()));
        var sink = new WebhookSink(new WebhookSinkSettings(receiver.Url, Secret, AlertSeverity.Low), HttpClients, Retry(), TimeProvider.System);

        await sink.DeliverAsync(Alert(), CancellationToken.None);

        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.True(WebhookSignature.IsValid(r, Secret)));
        Assert.All(receiver.Requests, r => Assert.Equal(Alert().Fingerprint, r.Header("Idempotency-Key")));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task Deliver_ClientErrorOtherThan429_IsAConfigurationErrorSentOnceWithoutTheSecretPath(int status)
    {
        await using var receiver = await AlertReceiver.StartAsync((_, _) => Task.FromResult(Results.StatusCode(status)));
        var sink = new WebhookSink(new WebhookSinkSettings(receiver.Url, Secret, AlertSeverity.Low), HttpClients, Retry(), TimeProvider.System);

        var error = await Assert.ThrowsAsync<AlertChannelRejectedException>(() => sink.DeliverAsync(Alert(), CancellationToken.None));

        Assert.Single(receiver.Requests);
        Assert.Contains("Alerts:Sinks:Webhook:Url", error.Message, StringComparison.Ordinal);
        Assert.Contains($"answered {status}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path-token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_ReceiverDown_FailsAtTheDeadlineNamingTheHostOnly()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort.Find()}/hooks/secret-path-token");
        var sink = new WebhookSink(new WebhookSinkSettings(url, Secret, AlertSeverity.Low), HttpClients, Retry(TimeSpan.FromSeconds(2)), TimeProvider.System);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => sink.DeliverAsync(Alert(), CancellationToken.None));

        Assert.True(error is RetryDeadlineExceededException or AlertSinkException, error.ToString());
        Assert.Contains("could not be reached", error.Message + error.InnerException?.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path-token", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_BelowMinSeverity_IsFalse()
    {
        var sink = new WebhookSink(new WebhookSinkSettings(new Uri("https://example.com/h"), Secret, AlertSeverity.High), HttpClients, Retry(), TimeProvider.System);

        Assert.Equal((false, true, true), (sink.Accepts(Alert(severity: AlertSeverity.Medium)), sink.Accepts(Alert(severity: AlertSeverity.High)), sink.Accepts(Alert(severity: AlertSeverity.Critical))));
        Assert.DoesNotContain(Secret, new WebhookSinkSettings(new Uri("https://example.com/h"), Secret, AlertSeverity.High).ToString(), StringComparison.Ordinal);
    }
}
