using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Tests.Hosting.Configuration;

public sealed class DeliveryConfigurationTests
{
    private const string SlackUrl = "https://hooks.slack.com/services/T000/B000/slack-secret-part";

    [Fact]
    public void Resolve_NoSinks_DeliversNowhereBeyondTheLog()
    {
        var resolved = ConfigurationResolver.Resolve(Config([]), ConfigurationScope.GraphOnly);

        Assert.Equal(DeliverySettings.None, resolved.Delivery);
    }

    [Fact]
    public void Resolve_EverySink_ResolvesEachWithItsMinimumAndTheSecretFromItsFile()
    {
        var secretFile = Path.GetTempFileName();
        File.WriteAllText(secretFile, "  from-a-file-0123456789abcdef\n");
        try
        {
            var resolved = ConfigurationResolver.Resolve(Config(new()
            {
                ["Alerts:Sinks:MaxAge"] = "2d",
                ["Alerts:Sinks:Jsonl:Path"] = "/var/lib/opg/findings.jsonl",
                ["Alerts:Sinks:Webhook:Url"] = "https://soar.example.com/hooks/opg",
                ["Alerts:Sinks:Webhook:SecretFile"] = secretFile,
                ["Alerts:Sinks:Webhook:MinSeverity"] = "HIGH",
                ["Alerts:Sinks:Slack:WebhookUrl"] = SlackUrl,
            }), ConfigurationScope.GraphOnly);

            var delivery = resolved.Delivery;
            Assert.Equal(TimeSpan.FromDays(2), delivery.MaxAge);
            Assert.Equal(("/var/lib/opg/findings.jsonl", AlertSeverity.Low), (delivery.Jsonl!.Path, delivery.Jsonl.MinSeverity));
            Assert.Equal(("from-a-file-0123456789abcdef", AlertSeverity.High), (delivery.Webhook!.Secret, delivery.Webhook.MinSeverity));
            Assert.Equal(new Uri(SlackUrl), delivery.Slack!.WebhookUrl);
            Assert.DoesNotContain("slack-secret-part", delivery.Slack.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("from-a-file", delivery.Webhook.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void Resolve_BadSinks_NamesEachKeyWithoutEchoingSecrets()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(new()
        {
            ["Alerts:Sinks:MaxAge"] = "forever",
            ["Alerts:Sinks:Jsonl:MinSeverity"] = "urgent",
            ["Alerts:Sinks:Webhook:Url"] = "http://soar.example.com/hooks/opg",
            ["Alerts:Sinks:Webhook:Secret"] = "tiny-k3y",
            ["Alerts:Sinks:Slack:WebhookUrl"] = "http://hooks.slack.com/services/T000/B000/slack-secret-part",
        }), ConfigurationScope.GraphOnly));

        Assert.Contains("Alerts:Sinks:MaxAge 'forever' is not a duration; use hours or days such as 12h or 7d.", error.Problems);
        Assert.Contains("Alerts:Sinks:Jsonl:MinSeverity 'urgent' is not a severity; use info, low, medium, high or critical.", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("Alerts:Sinks:Webhook:Url 'http://soar.example.com/hooks/opg' uses plain http; use https://", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Alerts:Sinks:Webhook:Secret is shorter than 16 characters", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Alerts:Sinks:Slack:WebhookUrl is not an https URL (its value is not shown", StringComparison.Ordinal));
        Assert.DoesNotContain("slack-secret-part", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-k3y", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_WebhookWithoutSecret_AsksForOne()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConfigurationResolver.Resolve(Config(new()
        {
            ["Alerts:Sinks:Webhook:Url"] = "http://127.0.0.1:9000/hook",
        }), ConfigurationScope.GraphOnly));

        Assert.Equal(
            ["Alerts:Sinks:Webhook:Secret is missing; set Alerts:Sinks:Webhook:Secret or Alerts:Sinks:Webhook:SecretFile (the key the receiver verifies the HMAC-SHA256 signature with)."],
            error.Problems.Where(p => p.StartsWith("Alerts", StringComparison.Ordinal)));
    }

    private static IConfiguration Config(Dictionary<string, string?> values)
    {
        values.TryAdd("Neo4j:Url", "http://127.0.0.1:7474");
        values.TryAdd("Neo4j:Password", "pw");
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
