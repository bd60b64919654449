using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;
using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Cli.Report;

/// <summary>Draws a finding's neighbourhood as inline SVG; every caption from the graph is HTML-escaped.</summary>
internal static class NeighbourhoodSvg
{
    private const int CaptionLength = 28;
    private const double Margin = 90;

    private static readonly FrozenDictionary<string, string> Kinds = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [OnePasswordNodeTypes.Alert.Type] = "finding",
        [OnePasswordNodeTypes.User.Type] = "user",
        [OnePasswordNodeTypes.Vault.Type] = "vault",
        [OnePasswordNodeTypes.Secret.Type] = "secret",
        [OnePasswordNodeTypes.Account.Type] = "account",
        [OnePasswordNodeTypes.ItemUsageEvent.Type] = "event",
        [OnePasswordNodeTypes.AuditEvent.Type] = "event",
        [OnePasswordNodeTypes.SignInAttemptEvent.Type] = "event",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string Draw(ReportFinding finding)
    {
        var placed = NeighbourhoodLayout.Place(finding);
        var at = placed.ToDictionary(p => p.Node.Key, StringComparer.Ordinal);
        // The view box hugs the nodes (with room for captions), so a finding with a small neighbourhood stays small.
        var left = placed.Min(p => p.X) - Margin;
        var top = placed.Min(p => p.Y) - Margin;
        var box = $"{Number(left)} {Number(top)} {Number(placed.Max(p => p.X) + Margin - left)} {Number(placed.Max(p => p.Y) + Margin - top)}";
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"graph\" viewBox=\"{box}\" width=\"{Number(placed.Max(p => p.X) + Margin - left)}\" role=\"img\" aria-label=\"{Encode(finding.RuleId)} neighbourhood\">\n");
        foreach (var edge in finding.Edges)
        {
            if (at.TryGetValue(edge.From, out var from) && at.TryGetValue(edge.To, out var to))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Number(from.X)}\" y1=\"{Number(from.Y)}\" x2=\"{Number(to.X)}\" y2=\"{Number(to.Y)}\"/>")
                    .Append(CultureInfo.InvariantCulture, $"<text class=\"edge\" x=\"{Number((from.X + to.X) / 2)}\" y=\"{Number((from.Y + to.Y) / 2)}\">{Encode(edge.Relationship)}</text>\n");
            }
        }

        foreach (var node in placed)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"node {Kind(node.Node.Type)}\"><title>{Encode(node.Node.Type)} {Encode(node.Node.Key)}</title>")
                .Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Number(node.X)}\" cy=\"{Number(node.Y)}\" r=\"14\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{Number(node.X)}\" y=\"{Number(node.Y + 28)}\">{Encode(Shorten(node.Node.Caption))}</text></g>\n");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length > CaptionLength ? text[..(CaptionLength - 1)] + "…" : text;

    // The CSS class that colours a node, for the types the report knows.
    private static string Kind(string type) => Kinds.GetValueOrDefault(type, "other");
}
