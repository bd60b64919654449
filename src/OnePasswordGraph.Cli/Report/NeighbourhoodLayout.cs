namespace OnePasswordGraph.Cli.Report;

/// <summary>
/// Places a finding's neighbourhood on rings: the finding in the middle, what it flags on the inner ring, their
/// neighbours on the outer one; within a ring nodes are ordered by type then key, so the same graph always gives the
/// same drawing and nodes of one type sit together.
/// </summary>
internal static class NeighbourhoodLayout
{
    /// <summary>The width and height of the square a drawing fills.</summary>
    public const double Size = 720;

    private const double InnerRadius = 170;
    private const double OuterRadius = 300;

    public static IReadOnlyList<PlacedNode> Place(ReportFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var centre = finding.Nodes[0];
        var inner = finding.Edges.Where(e => e.From == centre.Key).Select(e => e.To).ToHashSet(StringComparer.Ordinal);
        var placed = new List<PlacedNode> { new(centre, Size / 2, Size / 2) };
        placed.AddRange(Ring(finding.Nodes.Skip(1).Where(n => inner.Contains(n.Key)), InnerRadius, 0));
        // The outer ring is turned by half a step so its nodes fall between the inner ones rather than behind them.
        placed.AddRange(Ring(finding.Nodes.Skip(1).Where(n => !inner.Contains(n.Key)), OuterRadius, 0.5));
        return placed;
    }

    private static IEnumerable<PlacedNode> Ring(IEnumerable<ReportNode> nodes, double radius, double offset)
    {
        var ordered = nodes.OrderBy(n => n.Type, StringComparer.Ordinal).ThenBy(n => n.Key, StringComparer.Ordinal).ToList();
        return ordered.Select((node, i) =>
        {
            var angle = (2 * Math.PI * (i + offset) / ordered.Count) - (Math.PI / 2);
            return new PlacedNode(node, Math.Round((Size / 2) + (radius * Math.Cos(angle)), 1), Math.Round((Size / 2) + (radius * Math.Sin(angle)), 1));
        });
    }
}
