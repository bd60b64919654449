using OnePasswordGraph.Delivery;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Sync;

/// <summary>
/// How one sync of one account went, step by step, what the alert rules found after it, and how their findings were
/// delivered (each null when it did not run), and how many writes were skipped because another account holds the node.
/// </summary>
public sealed record SyncRunSummary(
    string Account, string RunId, DateTimeOffset StartedAt, TimeSpan Duration, IReadOnlyList<StepResult> Steps, AlertRunSummary? Alerts = null, DeliveryRunSummary? Delivery = null, long AccountConflicts = 0)
{
    /// <summary>Gets a value indicating whether every step succeeded or had nothing to do.</summary>
    public bool Succeeded => Steps.All(step => step.Status is StepStatus.Success or StepStatus.Skipped);
}
