namespace OnePasswordGraph.Rules;

/// <summary>
/// Configuration of one rule (<c>Alerts__Rules__&lt;id&gt;__Enabled</c>, <c>Alerts__Rules__&lt;id&gt;__Parameters__&lt;name&gt;</c>).
/// Parameter values are text and convert to the type of the parameter's default; a list is comma-separated.
/// </summary>
public sealed record RuleOverride(bool? Enabled, IReadOnlyDictionary<string, string> Parameters);
