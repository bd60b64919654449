namespace OnePasswordGraph.Rules;

/// <summary>A validated alert rule, as loaded from its YAML file and adjusted by configuration.</summary>
/// <param name="Id">Stable kebab-case id, equal to the file name.</param>
/// <param name="Name">One-line name.</param>
/// <param name="Description">Why it matters, how its baseline works, how to triage it.</param>
/// <param name="Severity">Severity of its findings.</param>
/// <param name="Tags">MITRE ATT&amp;CK technique ids.</param>
/// <param name="Lookback">How far before the last evaluation the detection window starts.</param>
/// <param name="Parameters">The declared parameters with their defaults.</param>
/// <param name="Query">The Cypher query (takes <c>$account</c>, <c>$since</c>, <c>$now</c> and the parameters).</param>
/// <param name="Source">Where the rule came from: <c>built-in:&lt;id&gt;.yaml</c> or the file's path.</param>
/// <param name="Enabled">Whether the rule runs (the file's <c>enabled</c>, then configuration).</param>
/// <param name="ParameterValues">The value of every parameter after configuration overrides, by name.</param>
public sealed record AlertRule(
    string Id,
    string Name,
    string Description,
    AlertSeverity Severity,
    IReadOnlyList<string> Tags,
    TimeSpan Lookback,
    IReadOnlyList<RuleParameter> Parameters,
    string Query,
    string Source,
    bool Enabled,
    IReadOnlyDictionary<string, object?> ParameterValues);
