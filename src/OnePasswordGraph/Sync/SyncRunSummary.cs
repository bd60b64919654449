using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Sync;

/// <summary>How one sync of one account went, step by step.</summary>
public sealed record SyncRunSummary(string Account, string RunId, DateTimeOffset StartedAt, TimeSpan Duration, IReadOnlyList<StepResult> Steps)
{
    /// <summary>Gets a value indicating whether every step succeeded or had nothing to do.</summary>
    public bool Succeeded => Steps.All(step => step.Status is StepStatus.Success or StepStatus.Skipped);
}
