namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>One rule's settings under <c>Alerts:Rules:&lt;id&gt;</c>.</summary>
public sealed class AlertRuleOptions
{
    /// <summary>Gets or sets whether the rule runs; unset keeps the rule file's choice.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Gets the parameter values, as text converted to the type of each parameter's default (lists comma-separated).</summary>
    public Dictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);
}
