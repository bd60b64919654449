using System.Globalization;
using System.Net;
using System.Text;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Cli.Report;

/// <summary>
/// Renders the findings as one self-contained HTML page: inline CSS and SVG, no script and nothing fetched, so it
/// opens from a file or an attachment. Every text from the graph is HTML-escaped.
/// </summary>
internal static class HtmlReport
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2em;color:#222;background:#fff}"
        + "h1{font-size:1.5em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em}"
        + "section.card{border:1px solid #ddd;border-radius:6px;padding:1em;margin:1em 0}"
        + ".meta{color:#555;font-size:.9em}.sev{font-weight:bold;text-transform:uppercase}"
        + ".critical .sev{color:#a00}.high .sev{color:#d35400}.medium .sev{color:#b7950b}.low .sev{color:#2471a3}.info .sev{color:#555}"
        + "svg.graph{max-width:100%;height:auto;display:block}"
        + "svg line{stroke:#999;stroke-width:1.2}svg text{font-size:11px;text-anchor:middle;fill:#222}svg text.edge{fill:#777;font-size:9px}"
        + "circle{stroke:#333;stroke-width:1;fill:#ccc}.finding circle{fill:#e74c3c}.user circle{fill:#5dade2}"
        + ".vault circle{fill:#58d68d}.secret circle{fill:#f4d03f}.event circle{fill:#d7bde2}.account circle{fill:#aab7b8}"
        + "ul.counts{list-style:none;padding:0}ul.counts li{display:inline;margin-right:1.5em}";

    // The node colours of the drawings, named once at the top of the page.
    private const string Legend =
        "<p class=\"legend\">Drawings: <svg width=\"12\" height=\"12\" class=\"finding\"><circle cx=\"6\" cy=\"6\" r=\"5\"/></svg> finding "
        + "<svg width=\"12\" height=\"12\" class=\"user\"><circle cx=\"6\" cy=\"6\" r=\"5\"/></svg> user "
        + "<svg width=\"12\" height=\"12\" class=\"event\"><circle cx=\"6\" cy=\"6\" r=\"5\"/></svg> event "
        + "<svg width=\"12\" height=\"12\" class=\"secret\"><circle cx=\"6\" cy=\"6\" r=\"5\"/></svg> item "
        + "<svg width=\"12\" height=\"12\" class=\"vault\"><circle cx=\"6\" cy=\"6\" r=\"5\"/></svg> vault "
        + "<svg width=\"12\" height=\"12\" class=\"account\"><circle cx=\"6\" cy=\"6\" r=\"5\"/></svg> account; "
        + "edges are labelled with the relationship type; hover a node for its key.</p>\n";

    public static string Render(string account, IReadOnlyList<ReportFinding> findings, DateTimeOffset generatedOn)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var bySeverity = findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key).ToList();
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>onepassword-graph findings: {Encode(account)}</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>Findings for account {Encode(account)}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Generated {Time(generatedOn)} by onepassword-graph alerts report; newest first, at most {ReportReader.Limit}.</p>\n");
        if (findings.Count == 0)
        {
            return html.Append("<p>No findings in this period.</p>\n</body>\n</html>\n").ToString();
        }

        html.Append(Legend).Append("<ul class=\"counts\">");
        foreach (var group in bySeverity)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{Name(group.Key)}\">{Name(group.Key)}</a>: {group.Count()}</li>");
        }

        html.Append("</ul>\n");
        foreach (var group in bySeverity)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{Name(group.Key)}\">{Name(group.Key)} ({group.Count()})</h2>\n");
            foreach (var finding in group)
            {
                html.Append(CultureInfo.InvariantCulture, $"<section class=\"card {Name(finding.Severity)}\">\n")
                    .Append(CultureInfo.InvariantCulture, $"<h3><span class=\"sev\">{Name(finding.Severity)}</span> {Encode(finding.RuleId)}: {Encode(finding.RuleName)}</h3>\n")
                    .Append(CultureInfo.InvariantCulture, $"<p>{Encode(finding.Summary)}</p>\n")
                    .Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Occurred {Time(finding.OccurredOn)} · fingerprint {Encode(finding.Fingerprint)}</p>\n")
                    .Append(NeighbourhoodSvg.Draw(finding)).Append("\n</section>\n");
            }
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Name(AlertSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
