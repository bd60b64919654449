using System.Collections.Concurrent;

namespace OnePasswordGraph.Sync.Steps;

/// <summary>
/// What a step sees of its run: the account, the run id, whether any of its dependencies failed, and small values
/// earlier steps left for later ones (for example the account identity found by introspection).
/// </summary>
public sealed class StepContext
{
    private readonly ConcurrentDictionary<string, object> _shared;

    internal StepContext(AccountSettings account, string runId, ConcurrentDictionary<string, object> shared, IReadOnlyList<string> failedDependencies)
    {
        Account = account;
        RunId = runId;
        _shared = shared;
        FailedDependencies = failedDependencies;
    }

    public AccountSettings Account { get; }

    public string RunId { get; }

    /// <summary>Gets a value indicating whether a step this one depends on failed, so what it builds on may be partial.</summary>
    public bool DependencyFailed => FailedDependencies.Count > 0;

    /// <summary>Gets the ids of the steps this one depends on that failed (or ran partially themselves), for the summary to name.</summary>
    public IReadOnlyList<string> FailedDependencies { get; }

    /// <summary>Leaves a value for later steps.</summary>
    public void Set<T>(T value)
        where T : class => _shared[typeof(T).FullName!] = value;

    /// <summary>Gets a value an earlier step left, or null.</summary>
    public T? Get<T>()
        where T : class => _shared.TryGetValue(typeof(T).FullName!, out var value) ? (T)value : null;
}
