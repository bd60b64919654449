namespace OnePasswordGraph.Sync.Steps;

/// <summary>
/// One unit of a sync (JupiterOne style): an id, the steps it depends on, the graph types it produces, and the work.
/// A step talks to one endpoint. When it throws, independent steps still run, its dependents run with what exists
/// (status <see cref="StepStatus.PartialDueToDependencyFailure"/>), and cleanup of its types is skipped.
/// </summary>
public sealed record SyncStep(
    string Id,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> ProducedTypes,
    Func<StepContext, CancellationToken, Task<StepOutcome>> Execute);
