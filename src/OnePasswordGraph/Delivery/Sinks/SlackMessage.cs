using System.Text;
using System.Text.Json;
using OnePasswordGraph.Graph.Alerts;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Delivery.Sinks;

/// <summary>
/// The Slack message of a finding: a plain <c>text</c> for notifications and a block with severity, rule, user,
/// summary, account, and the Cypher that opens the finding in Neo4j Browser. Text from the graph is escaped the way
/// Slack's mrkdwn requires (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>), so a summary cannot inject a link or a mention.
/// </summary>
public static class SlackMessage
{
    /// <summary>Gets the webhook body for <paramref name="alert"/>.</summary>
    public static byte[] Utf8(AlertMessage alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var severity = alert.Severity.Word().ToUpperInvariant();
        var who = alert.FlaggedUser ?? (alert.Flagged.Count > 0 ? alert.Flagged[0] : "-");
        var detail = new StringBuilder()
            .Append($"*{severity}* · *{Escape(alert.RuleName)}* (`{Escape(alert.RuleId)}`)\n")
            .Append($"*User:* {Escape(who)}\n")
            .Append($"{Escape(alert.Summary)}\n")
            .Append($"*Account:* {Escape(alert.Account)} · *Occurred:* {alert.OccurredOn.UtcDateTime:yyyy-MM-dd HH:mm} UTC")
            .ToString();
        var browser = "Open in Neo4j Browser:\n```" + DeliveryStatements.BrowserQuery(alert.Fingerprint) + "```";

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("text", Escape($"[{severity}] {alert.RuleName}: {alert.Summary}"));
            writer.WriteStartArray("blocks");
            Section(writer, detail);
            Section(writer, browser);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Escapes the three characters Slack's mrkdwn treats as control characters.</summary>
    public static string Escape(string text) =>
        (text ?? string.Empty).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static void Section(Utf8JsonWriter writer, string markdown)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "section");
        writer.WriteStartObject("text");
        writer.WriteString("type", "mrkdwn");
        writer.WriteString("text", markdown);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
