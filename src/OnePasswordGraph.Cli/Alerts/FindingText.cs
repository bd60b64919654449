using System.Globalization;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Cli.Alerts;

/// <summary>Renders findings for a person as an aligned table (tools get <c>AlertJson</c> lines).</summary>
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

    private static string Cut(string text) => text.Length <= SummaryWidth ? text : text[..(SummaryWidth - 1)] + "…";
}
