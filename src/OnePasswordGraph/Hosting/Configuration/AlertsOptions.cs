namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>The alert rules. Bound from <c>Alerts</c> (<c>Alerts__Enabled</c>, <c>Alerts__RulesPath</c>, <c>Alerts__Rules__&lt;id&gt;__…</c>).</summary>
public sealed class AlertsOptions
{
    /// <summary>Gets or sets a value indicating whether the rules run after each sync of an account.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets a directory of the user's own rule files (<c>*.yaml</c>), loaded beside the built-in pack.</summary>
    public string? RulesPath { get; set; }

    /// <summary>
    /// Gets or sets how far back a rule's first evaluation for an account reaches, as a duration such as <c>30d</c>;
    /// unset, it covers the whole history in the graph.
    /// </summary>
    public string? FirstEvaluationLookback { get; set; }

    /// <summary>
    /// Gets or sets the most events one statement of a long evaluation (a first evaluation, a catch-up) covers; a
    /// longer history is evaluated in slices of at most this many events.
    /// </summary>
    /// <value>The default value is 1,000,000.</value>
    public long? MaxEventsPerEvaluation { get; set; }

    /// <summary>Gets the sinks findings are delivered to (<c>Alerts__Sinks__…</c>).</summary>
    public AlertSinksOptions Sinks { get; } = new();

    /// <summary>Gets the per-rule settings, by rule id: <c>Enabled</c> and <c>Parameters:&lt;name&gt;</c>.</summary>
    public Dictionary<string, AlertRuleOptions> Rules { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the responses to findings (<c>Alerts__Response__SuspendUser__…</c>).</summary>
    public ResponseOptions Response { get; set; } = new();
}
