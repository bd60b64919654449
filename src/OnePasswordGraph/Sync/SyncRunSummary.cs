namespace OnePasswordGraph.Sync;

/// <summary>How one sync of one account went, step by step.</summary>
public sealed record SyncRunSummary(string Account, string RunId, DateTimeOffset StartedAt, TimeSpan Duration, IReadOnlyList<StepResult> Steps)
{
    /// <summary>Gets a value indicating whether every step succeeded.</summary>
    public bool Succeeded => Steps.All(step => step.Status == StepStatus.Success);
}
