namespace OnePasswordGraph.Sync.Steps;

/// <summary>The outcome of one step.</summary>
public enum StepStatus
{
    /// <summary>The step ran to the end.</summary>
    Success,

    /// <summary>The step failed; what it wrote before failing stays, and cleanup of its types is skipped.</summary>
    Failure,

    /// <summary>The step ran, but a step it depends on failed, so what it saw may be partial.</summary>
    PartialDueToDependencyFailure,

    /// <summary>The step did not run (not configured, or the token lacks the feature).</summary>
    Skipped,
}
