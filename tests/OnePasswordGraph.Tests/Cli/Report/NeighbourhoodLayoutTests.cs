using OnePasswordGraph.Cli.Report;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Tests.Cli.Report;

public sealed class NeighbourhoodLayoutTests
{
    [Fact]
    public void Place_SameNeighbourhoodInAnyOrder_GivesTheSamePositions()
    {
        var finding = ReportSamples.Finding("f1", AlertSeverity.High);
        var shuffled = finding with { Nodes = [finding.Nodes[0], .. finding.Nodes.Skip(1).Reverse()], Edges = [.. finding.Edges.Reverse()] };

        var first = Positions(NeighbourhoodLayout.Place(finding));

        Assert.Equal(first, Positions(NeighbourhoodLayout.Place(finding)));
        Assert.Equal(first, Positions(NeighbourhoodLayout.Place(shuffled)));
        Assert.Equal(NeighbourhoodSvg.Draw(finding).Split('\n').Where(l => l.StartsWith("<g", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            NeighbourhoodSvg.Draw(shuffled).Split('\n').Where(l => l.StartsWith("<g", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Place_Neighbourhood_PutsTheFindingInTheMiddleWhatItFlagsCloserThanTheirNeighbours()
    {
        var placed = NeighbourhoodLayout.Place(ReportSamples.Finding("f1", AlertSeverity.High)).ToDictionary(p => p.Node.Key, StringComparer.Ordinal);
        const double Middle = NeighbourhoodLayout.Size / 2;

        Assert.Equal((Middle, Middle), (placed["f1"].X, placed["f1"].Y));
        var distance = placed.ToDictionary(p => p.Key, p => Math.Round(Math.Sqrt(Math.Pow(p.Value.X - Middle, 2) + Math.Pow(p.Value.Y - Middle, 2))), StringComparer.Ordinal);
        Assert.Single(new[] { distance["u1"], distance["e1"], distance["e2"] }.Distinct());
        Assert.Equal(distance["s1"], distance["v1"]);
        Assert.True(distance["s1"] > distance["u1"]);
        Assert.Equal(6, placed.Values.Select(p => (p.X, p.Y)).Distinct().Count());
        Assert.All(placed.Values, p => Assert.InRange(p.X, 0, NeighbourhoodLayout.Size));
    }

    private static List<(string, double, double)> Positions(IReadOnlyList<PlacedNode> placed) =>
        [.. placed.Select(p => (p.Node.Key, p.X, p.Y)).OrderBy(p => p.Key, StringComparer.Ordinal)];
}
