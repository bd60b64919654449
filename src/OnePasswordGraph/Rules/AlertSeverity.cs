namespace OnePasswordGraph.Rules;

/// <summary>How urgent a finding is; written to the graph and the docs as the lowercase word.</summary>
public enum AlertSeverity
{
    Info,
    Low,
    Medium,
    High,
    Critical,
}
