using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Sync.Internal;

namespace OnePasswordGraph.Sync.Steps;

/// <summary>
/// Runs steps in dependency order. Only bad configuration (a cycle, an unknown dependency) throws; a failing step is
/// recorded and the run goes on. Steps whose dependencies are all done run one after another, so that one writer
/// feeds Neo4j at a time; each step pipelines its own fetching and writing.
/// </summary>
public sealed class StepExecutor
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public StepExecutor(TimeProvider timeProvider, ILogger<StepExecutor> logger)
    {
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Checks that ids are unique and every dependency exists and no cycle exists; returns the steps in a runnable order.</summary>
    /// <exception cref="InvalidOperationException">The steps are misdeclared.</exception>
    public static IReadOnlyList<SyncStep> Order(IReadOnlyList<SyncStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var byId = new Dictionary<string, SyncStep>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (!byId.TryAdd(step.Id, step))
            {
                throw new InvalidOperationException($"Two steps have the id '{step.Id}'.");
            }
        }

        foreach (var step in steps)
        {
            foreach (var dependency in step.DependsOn.Where(d => !byId.ContainsKey(d)))
            {
                throw new InvalidOperationException($"Step '{step.Id}' depends on '{dependency}', which is not a step.");
            }
        }

        var ordered = new List<SyncStep>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < steps.Count)
        {
            var ready = steps.Where(s => !done.Contains(s.Id) && s.DependsOn.All(done.Contains)).ToList();
            if (ready.Count == 0)
            {
                var stuck = string.Join(", ", steps.Where(s => !done.Contains(s.Id)).Select(s => s.Id));
                throw new InvalidOperationException($"The steps {stuck} depend on each other in a cycle.");
            }

            ordered.AddRange(ready);
            done.UnionWith(ready.Select(s => s.Id));
        }

        return ordered;
    }

    /// <summary>Runs every step of <paramref name="steps"/> for one account and reports each one's result.</summary>
    public async Task<IReadOnlyList<StepResult>> RunAsync(
        IReadOnlyList<SyncStep> steps, AccountSettings account, string runId, CancellationToken cancellationToken)
    {
        var shared = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
        var results = new Dictionary<string, StepResult>(StringComparer.Ordinal);
        foreach (var step in Order(steps))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var failedDependencies = step.DependsOn.Where(d => results[d].Status is StepStatus.Failure or StepStatus.PartialDueToDependencyFailure).ToList();
            results[step.Id] = await RunStepAsync(step, new StepContext(account, runId, shared, failedDependencies), cancellationToken).ConfigureAwait(false);
        }

        return steps.Select(s => results[s.Id]).ToList();
    }

    private async Task<StepResult> RunStepAsync(SyncStep step, StepContext context, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        try
        {
            var outcome = await step.Execute(context, cancellationToken).ConfigureAwait(false);
            var status = outcome.SkippedBecause is not null ? StepStatus.Skipped
                : context.DependencyFailed ? StepStatus.PartialDueToDependencyFailure
                : StepStatus.Success;
            var elapsed = _timeProvider.GetElapsedTime(started);
            SyncLog.StepFinished(_logger, context.Account.Name, step.Id, status, (long)elapsed.TotalMilliseconds);
            var note = status == StepStatus.PartialDueToDependencyFailure ? DependencyNote(context.FailedDependencies) : outcome.SkippedBecause;
            return new StepResult(step.Id, status, outcome.CountsByType, elapsed, note);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var elapsed = _timeProvider.GetElapsedTime(started);
            SyncLog.StepFailed(_logger, context.Account.Name, step.Id, ex.Message);
            return new StepResult(step.Id, StepStatus.Failure, new Dictionary<string, long>(), elapsed, ex.Message);
        }
    }

    private static string DependencyNote(IReadOnlyList<string> failed) =>
        $"ran, but what it builds on may be incomplete: step {string.Join(", ", failed.Select(id => $"'{id}'"))} failed (see its line)";
}
