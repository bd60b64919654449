using OnePasswordGraph.Delivery;
using OnePasswordGraph.Delivery.Sinks;
using OnePasswordGraph.Hosting.Configuration.Internal;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Hosting.Configuration;

public static partial class ConfigurationResolver
{
    private const AlertSeverity DefaultMinSeverity = AlertSeverity.Low;

    private static DeliverySettings? ResolveDelivery(AlertSinksOptions options, List<string> problems)
    {
        var before = problems.Count;
        var maxAge = DeliverySettings.DefaultMaxAge;
        if (!string.IsNullOrWhiteSpace(options.MaxAge) && (!RuleDuration.TryParse(options.MaxAge, out maxAge) || maxAge <= TimeSpan.Zero))
        {
            problems.Add($"Alerts:Sinks:MaxAge '{options.MaxAge}' is not a duration; use hours or days such as 12h or 7d.");
        }

        var jsonl = ResolveJsonl(options.Jsonl, problems);
        var webhook = ResolveWebhook(options.Webhook, problems);
        var slack = ResolveSlack(options.Slack, problems);
        return problems.Count == before ? new DeliverySettings(maxAge, jsonl, webhook, slack) : null;
    }

    private static JsonlSinkSettings? ResolveJsonl(JsonlSinkOptions options, List<string> problems)
    {
        var severity = MinSeverity("Alerts:Sinks:Jsonl:MinSeverity", options.MinSeverity, problems);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return null;
        }

        if (Directory.Exists(options.Path))
        {
            problems.Add($"Alerts:Sinks:Jsonl:Path '{options.Path}' is a directory; name the file to append to, e.g. {Path.Combine(options.Path, "findings.jsonl")}.");
            return null;
        }

        return new JsonlSinkSettings(options.Path, severity);
    }

    private static WebhookSinkSettings? ResolveWebhook(WebhookSinkOptions options, List<string> problems)
    {
        var severity = MinSeverity("Alerts:Sinks:Webhook:MinSeverity", options.MinSeverity, problems);
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            if (!string.IsNullOrEmpty(options.Secret) || !string.IsNullOrEmpty(options.SecretFile))
            {
                problems.Add("Alerts:Sinks:Webhook:Url is missing; set the receiver's URL, or remove the webhook secret.");
            }

            return null;
        }

        var url = Urls.Check("Alerts:Sinks:Webhook:Url", options.Url, allowInsecure: false, problems);
        var secret = Secrets.Read("Alerts:Sinks:Webhook:Secret", options.Secret, "Alerts:Sinks:Webhook:SecretFile", options.SecretFile, "the key the receiver verifies the HMAC-SHA256 signature with", problems);
        if (secret is { Length: < 16 })
        {
            problems.Add("Alerts:Sinks:Webhook:Secret is shorter than 16 characters; use a long random value, e.g. the output of `openssl rand -hex 32`.");
            return null;
        }

        return url is null || secret is null ? null : new WebhookSinkSettings(url, secret, severity);
    }

    private static SlackSinkSettings? ResolveSlack(SlackSinkOptions options, List<string> problems)
    {
        var severity = MinSeverity("Alerts:Sinks:Slack:MinSeverity", options.MinSeverity, problems);
        if (string.IsNullOrEmpty(options.WebhookUrl) && string.IsNullOrEmpty(options.WebhookUrlFile))
        {
            return null;
        }

        var text = Secrets.Read("Alerts:Sinks:Slack:WebhookUrl", options.WebhookUrl, "Alerts:Sinks:Slack:WebhookUrlFile", options.WebhookUrlFile, "the Slack incoming-webhook URL", problems);
        if (text is null)
        {
            return null;
        }

        // The URL's path is the webhook's secret: a problem with it is described without showing it.
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && Urls.IsLoopback(url))))
        {
            problems.Add("Alerts:Sinks:Slack:WebhookUrl is not an https URL (its value is not shown: it is a secret); copy the incoming webhook's URL from Slack, https://hooks.slack.com/services/….");
            return null;
        }

        return new SlackSinkSettings(url, severity);
    }

    private static AlertSeverity MinSeverity(string key, string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return DefaultMinSeverity;
        }

        if (Enum.TryParse<AlertSeverity>(value, ignoreCase: true, out var severity) && Enum.IsDefined(severity) && !int.TryParse(value, out _))
        {
            return severity;
        }

        problems.Add($"{key} '{value}' is not a severity; use info, low, medium, high or critical.");
        return DefaultMinSeverity;
    }
}
