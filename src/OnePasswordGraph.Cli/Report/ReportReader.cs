using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Alerts;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Cli.Report;

/// <summary>Reads the stored findings of an account and their neighbourhoods through <see cref="ReportStatements"/>.</summary>
internal sealed class ReportReader(ICypherRunner runner)
{
    /// <summary>The most findings one report shows; a page with more is not read by anyone.</summary>
    public const int Limit = 200;

    // A drawing stays readable with up to about 12 nodes on a ring.
    private const int Width = 12;
    private const int Around = 3;

    public async Task<IReadOnlyList<ReportFinding>> ReadAsync(string account, DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        var results = await runner.RunAsync([ReportStatements.Findings(account, oldest, Limit, Width, Around)], cancellationToken).ConfigureAwait(false);
        return [.. results[0].Records().Select(Finding)];
    }

    private static ReportFinding Finding(IReadOnlyDictionary<string, object?> row)
    {
        var fingerprint = (string)row["fingerprint"]!;
        var ruleName = row["ruleName"] as string ?? "?";
        var nodes = new Dictionary<string, ReportNode>(StringComparer.Ordinal) { [fingerprint] = new(fingerprint, OnePasswordNodeTypes.Alert.Type, ruleName) };
        var edges = new List<ReportEdge>();
        var flags = OnePasswordRelationshipTypes.AlertFlags[0].Label;
        foreach (var entry in Maps(row["neighbourhood"]))
        {
            if (entry.GetValueOrDefault("node") is not IReadOnlyDictionary<string, object?> flaggedProperties)
            {
                continue;
            }

            var flagged = Add(nodes, ReportNode.From(flaggedProperties));
            edges.Add(new ReportEdge(fingerprint, flagged.Key, flags));
            foreach (var next in Maps(entry.GetValueOrDefault("around")))
            {
                if (next.GetValueOrDefault("node") is IReadOnlyDictionary<string, object?> otherProperties && next.GetValueOrDefault("relationship") is string relationship)
                {
                    var other = Add(nodes, ReportNode.From(otherProperties));
                    edges.Add(next.GetValueOrDefault("outgoing") is true
                        ? new ReportEdge(flagged.Key, other.Key, relationship)
                        : new ReportEdge(other.Key, flagged.Key, relationship));
                }
            }
        }

        return new ReportFinding(
            fingerprint,
            row["ruleId"] as string ?? "?",
            ruleName,
            Enum.TryParse<AlertSeverity>(row["severity"] as string, ignoreCase: true, out var severity) ? severity : AlertSeverity.Info,
            row["summary"] as string ?? string.Empty,
            DateTimeOffset.FromUnixTimeMilliseconds(row["occurredOn"] as long? ?? 0),
            [.. nodes.Values],
            [.. edges.Distinct()]);
    }

    private static ReportNode Add(Dictionary<string, ReportNode> nodes, ReportNode node) =>
        nodes.TryAdd(node.Key, node) ? node : nodes[node.Key];

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Maps(object? value) =>
        value is IReadOnlyList<object?> list ? list.OfType<IReadOnlyDictionary<string, object?>>() : [];
}
