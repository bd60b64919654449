namespace OnePasswordGraph.Rules;

/// <summary>The outcome of running the rules for one account.</summary>
/// <param name="Account">The configured account name.</param>
/// <param name="RunId">The run's id (recorded on the alerts it created).</param>
/// <param name="StartedAt">When the run began; every rule's window ends here.</param>
/// <param name="Duration">How long the run took.</param>
/// <param name="Rules">Each rule's result, in run order.</param>
/// <param name="NewFindings">Every finding raised for the first time by this run.</param>
public sealed record AlertRunSummary(
    string Account, string RunId, DateTimeOffset StartedAt, TimeSpan Duration, IReadOnlyList<RuleRunResult> Rules, IReadOnlyList<Finding> NewFindings)
{
    /// <summary>Gets a value indicating whether every rule ran.</summary>
    public bool Succeeded => Rules.All(r => !r.Failed);

    /// <summary>Gets the rules that failed.</summary>
    public IEnumerable<RuleRunResult> FailedRules => Rules.Where(r => r.Failed);
}
