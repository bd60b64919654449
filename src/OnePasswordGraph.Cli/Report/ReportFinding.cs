using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Cli.Report;

/// <summary>A stored finding and its neighbourhood, as the report shows it; <see cref="Nodes"/> starts with the finding itself.</summary>
internal sealed record ReportFinding(
    string Fingerprint,
    string RuleId,
    string RuleName,
    AlertSeverity Severity,
    string Summary,
    DateTimeOffset OccurredOn,
    IReadOnlyList<ReportNode> Nodes,
    IReadOnlyList<ReportEdge> Edges);
