using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Alerts;

namespace OnePasswordGraph.Rules;

/// <summary>
/// The per (account, rule) time of the last evaluation whose findings were stored, kept on a
/// <c>one_password_sync_state</c> node (key <c>&lt;account&gt;:rule:&lt;id&gt;</c>). The next window starts at this
/// watermark minus the rule's lookback.
/// </summary>
public sealed class RuleWatermarkStore
{
    private readonly ICypherRunner _runner;

    public RuleWatermarkStore(ICypherRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <summary>Reads the watermarks of <paramref name="ruleIds"/>; a rule never evaluated for the account is absent.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ReadAsync(string account, IReadOnlyCollection<string> ruleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        var results = await _runner.RunAsync([AlertStatements.ReadWatermarks(account, ruleIds)], cancellationToken).ConfigureAwait(false);
        var byKey = ruleIds.ToDictionary(id => AlertStatements.WatermarkKey(account, id), id => id, StringComparer.Ordinal);
        var watermarks = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var row in results[0].Records())
        {
            if (row["key"] is string key && byKey.TryGetValue(key, out var id) && row["lastEvaluatedOn"] is long evaluatedOn)
            {
                watermarks[id] = DateTimeOffset.FromUnixTimeMilliseconds(evaluatedOn);
            }
        }

        return watermarks;
    }

    /// <summary>Records that <paramref name="ruleId"/> was evaluated for <paramref name="account"/> up to <paramref name="evaluatedOn"/>.</summary>
    public Task WriteAsync(string account, string ruleId, DateTimeOffset evaluatedOn, CancellationToken cancellationToken) =>
        _runner.RunAsync([AlertStatements.WriteWatermark(account, ruleId, evaluatedOn, evaluatedOn)], cancellationToken);
}
