using System.Text;
using System.Text.Json;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Delivery;

/// <summary>
/// The one JSON object a finding is sent as: a line of the JSON-lines sink, the webhook's body, and a line of
/// <c>alerts run --format json</c>. Times are ISO 8601 in UTC with milliseconds (<c>2026-11-30T15:25:15.123Z</c>).
/// </summary>
public static class AlertJson
{
    /// <summary>Gets <paramref name="alert"/> as compact UTF-8 JSON, without a line break.</summary>
    public static byte[] Utf8(AlertMessage alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("fingerprint", alert.Fingerprint);
            writer.WriteString("ruleId", alert.RuleId);
            writer.WriteString("ruleName", alert.RuleName);
            writer.WriteString("severity", alert.Severity.Word());
            writer.WriteString("summary", alert.Summary);
            writer.WriteString("account", alert.Account);
            writer.WriteString("occurredOn", Iso(alert.OccurredOn));
            writer.WriteString("createdOn", Iso(alert.CreatedOn));
            WriteList(writer, "flagged", alert.Flagged);
            WriteList(writer, "evidence", alert.Evidence);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Gets <paramref name="alert"/> as one line of JSON (no line break).</summary>
    public static string Line(AlertMessage alert) => Encoding.UTF8.GetString(Utf8(alert));

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
