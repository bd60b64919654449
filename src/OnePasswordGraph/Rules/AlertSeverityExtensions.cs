namespace OnePasswordGraph.Rules;

/// <summary>The severity as findings, logs, metrics, summaries and documents write it.</summary>
public static class AlertSeverityExtensions
{
    /// <summary>Gets the lowercase word: <c>info</c>, <c>low</c>, <c>medium</c>, <c>high</c> or <c>critical</c>.</summary>
    public static string Word(this AlertSeverity severity) => severity.ToString().ToLowerInvariant();
}
