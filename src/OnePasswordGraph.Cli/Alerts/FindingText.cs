using System.Globalization;
using System.Text;
using System.Text.Json;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Cli.Alerts;

/// <summary>Renders findings for a person (an aligned table) or for tools (one JSON object per line).</summary>
internal static class FindingText
{
    private const int SummaryWidth = 90;

    public static string Table(IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return "  no new findings\n";
        }

        var rows = findings.OrderByDescending(f => f.Severity).ThenBy(f => f.OccurredOn)
            .Select(f => new[] { f.Severity.Word(), f.RuleId, f.OccurredOn.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture), (f.Flagged.Count > 0 ? f.Flagged[0] : "-"), Cut(f.Summary) })
            .ToList();
        return TextColumns.Render(["severity", "rule", "occurred", "who", "summary"], rows);
    }

    /// <summary>One finding as one line of JSON; times are ISO 8601 UTC.</summary>
    public static string JsonLine(Finding finding)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("fingerprint", finding.Fingerprint);
            writer.WriteString("ruleId", finding.RuleId);
            writer.WriteString("ruleName", finding.RuleName);
            writer.WriteString("severity", finding.Severity.Word());
            writer.WriteString("summary", finding.Summary);
            writer.WriteString("account", finding.Account);
            writer.WriteString("occurredOn", finding.OccurredOn.UtcDateTime);
            writer.WriteStartArray("flagged");
            finding.Flagged.ToList().ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
            writer.WriteStartArray("evidence");
            finding.Evidence.ToList().ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Cut(string text) => text.Length <= SummaryWidth ? text : text[..(SummaryWidth - 1)] + "…";
}
