namespace OnePasswordGraph.Cli.Report;

/// <summary>A node of a drawing and where it is drawn (SVG user units).</summary>
internal sealed record PlacedNode(ReportNode Node, double X, double Y);
