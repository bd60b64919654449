using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Alerts;

namespace OnePasswordGraph.Rules;

/// <summary>
/// Stores findings as <c>one_password_alert</c> nodes with FLAGS edges, and tells which are new. A finding is new
/// exactly once: storing it again only refreshes <c>lastSeenOn</c>, and a rerun over the same graph creates nothing.
/// </summary>
public sealed class FindingStore
{
    /// <summary>The most findings a caller should store in one call (each carries up to 50 evidence keys).</summary>
    public const int BatchSize = 200;

    private readonly ICypherRunner _runner;

    public FindingStore(ICypherRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <summary>
    /// Stores <paramref name="rule"/>'s <paramref name="findings"/> in one statement (so one transaction) and returns
    /// those this run created. Callers split large sets into batches of <see cref="BatchSize"/>.
    /// </summary>
    /// <param name="rule">The rule that found them (its tags go on new alerts).</param>
    /// <param name="findings">The findings to store.</param>
    /// <param name="runId">Identifies the run: a finding counts as new when its node carries this run id.</param>
    /// <param name="now">The run time: createdOn of new findings, lastSeenOn of all.</param>
    /// <param name="cancellationToken">Cancels the store.</param>
    public async Task<IReadOnlyList<Finding>> StoreAsync(
        AlertRule rule, IReadOnlyList<Finding> findings, string runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count == 0)
        {
            return [];
        }

        var statement = AlertStatements.Store([.. findings.Select(f => Record(f, rule.Tags))], runId, now);
        var results = await _runner.RunAsync([statement], cancellationToken).ConfigureAwait(false);
        var keys = results[0].Rows is [[IEnumerable<object?> list, ..]] ? list.OfType<string>().ToHashSet(StringComparer.Ordinal) : [];
        return [.. findings.Where(f => keys.Contains(f.Fingerprint))];
    }

    private static AlertRecord Record(Finding finding, IReadOnlyList<string> tags) => new(
        finding.Fingerprint,
        finding.Account,
        new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["ruleId"] = finding.RuleId,
            ["ruleName"] = finding.RuleName,
            ["name"] = finding.RuleName,
            ["displayName"] = finding.RuleName,
            ["severity"] = finding.Severity.Word(),
            ["summary"] = finding.Summary,
            ["occurredOn"] = finding.OccurredOn.ToUnixTimeMilliseconds(),
            ["tags"] = tags.ToList(),
            ["dedupKey"] = finding.DedupKey,
            ["flagged"] = finding.Flagged.ToList(),
            ["evidence"] = finding.Evidence.ToList(),
            ["evidenceCount"] = (long)finding.Evidence.Count,
        },
        [.. finding.Flagged, .. finding.Evidence]);
}
