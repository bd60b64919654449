namespace OnePasswordGraph.Sync.Steps;

/// <summary>What a step that ran to the end reports: what it wrote per graph type, or why it did nothing.</summary>
public sealed record StepOutcome(IReadOnlyDictionary<string, long> CountsByType, string? SkippedBecause = null)
{
    /// <summary>Gets an outcome for a step that had nothing to do, and why.</summary>
    public static StepOutcome Skipped(string reason) => new(new Dictionary<string, long>(), reason);
}
