using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Delivery.Sinks;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Rules;
using static OnePasswordGraph.IntegrationTests.Delivery.SinkTestSupport;

namespace OnePasswordGraph.IntegrationTests.Delivery;

public sealed class SlackSinkTests
{
    [Fact]
    public async Task Deliver_IncomingWebhook_PostsOneReadableMessageWithTheBrowserQuery()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        var sink = new SlackSink(new SlackSinkSettings(receiver.Url, AlertSeverity.Low), HttpClients, Retry(), TimeProvider.System);
        var alert = Alert(summary: "alice <!channel> exported vault R&D");

        await sink.DeliverAsync(alert, CancellationToken.None);

        using var body = JsonDocument.Parse(Assert.Single(receiver.Requests).Body);
        var text = body.RootElement.GetProperty("text").GetString()!;
        var blocks = string.Join("\n", body.RootElement.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("text").GetProperty("text").GetString()));
        Assert.StartsWith("[HIGH] Vault export: alice &lt;!channel&gt; exported vault R&amp;D", text, StringComparison.Ordinal);
        Assert.Contains("*HIGH* · *Vault export* (`vault-export`)", blocks, StringComparison.Ordinal);
        Assert.Contains("*User:* alice@example.com", blocks, StringComparison.Ordinal);
        Assert.Contains("alice &lt;!channel&gt; exported vault R&amp;D", blocks, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", blocks, StringComparison.Ordinal);
        Assert.Contains($"MATCH (a:`one_password_alert` {{`_key`: '{alert.Fingerprint}'}})-[:`FLAGS`]->(n) RETURN a, n", blocks, StringComparison.Ordinal);
        Assert.Contains("*Account:* acme · *Occurred:* 2026-11-30 09:15 UTC", blocks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_ArchivedChannel_IsRejectedWithoutTheWebhookPath()
    {
        await using var receiver = await AlertReceiver.StartAsync((_, _) => Task.FromResult(Results.Text("channel_is_archived", statusCode: 410)));
        var sink = new SlackSink(new SlackSinkSettings(receiver.Url, AlertSeverity.Low), HttpClients, Retry(), TimeProvider.System);

        var error = await Assert.ThrowsAsync<AlertChannelRejectedException>(() => sink.DeliverAsync(Alert(), CancellationToken.None));

        Assert.Contains("Alerts:Sinks:Slack:WebhookUrl", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-path-token", error.Message, StringComparison.Ordinal);
    }
}
