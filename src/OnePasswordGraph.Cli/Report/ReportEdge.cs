namespace OnePasswordGraph.Cli.Report;

/// <summary>A relationship of a finding's drawing, between two node keys.</summary>
internal sealed record ReportEdge(string From, string To, string Relationship);
