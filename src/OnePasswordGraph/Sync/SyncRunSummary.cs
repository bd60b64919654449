using OnePasswordGraph.Rules;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Sync;

/// <summary>How one sync of one account went, step by step, and what the alert rules found after it (null when they did not run).</summary>
public sealed record SyncRunSummary(
    string Account, string RunId, DateTimeOffset StartedAt, TimeSpan Duration, IReadOnlyList<StepResult> Steps, AlertRunSummary? Alerts = null)
{
    /// <summary>Gets a value indicating whether every step succeeded or had nothing to do.</summary>
    public bool Succeeded => Steps.All(step => step.Status is StepStatus.Success or StepStatus.Skipped);
}
