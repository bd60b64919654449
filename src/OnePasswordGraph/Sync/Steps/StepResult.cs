namespace OnePasswordGraph.Sync.Steps;

/// <summary>How one step went: its status, what it wrote per graph type, and why it failed if it did.</summary>
public sealed record StepResult(string StepId, StepStatus Status, IReadOnlyDictionary<string, long> CountsByType, TimeSpan Duration, string? Error);
