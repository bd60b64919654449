using Microsoft.Extensions.Logging;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Rules.Internal;

namespace OnePasswordGraph.Rules;

/// <summary>
/// Runs the rules for one account: evaluates each over its window, stores the findings, then records the rule's
/// watermark. A rule that fails is reported in the summary and logged; the others still run and nothing is thrown
/// (only cancellation propagates). Retrying transient Neo4j errors belongs to the <see cref="ICypherRunner"/> given.
/// </summary>
public sealed class AlertRunner
{
    private readonly ICypherRunner _runner;
    private readonly RuleEvaluator _evaluator;
    private readonly FindingStore _store;
    private readonly RuleWatermarkStore _watermarks;
    private readonly AlertMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public AlertRunner(ICypherRunner runner, AlertMetrics metrics, TimeProvider timeProvider, ILogger<AlertRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
        _evaluator = new RuleEvaluator(runner);
        _store = new FindingStore(runner);
        _watermarks = new RuleWatermarkStore(runner);
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Runs the enabled rules of <paramref name="rules"/> (or the one <see cref="AlertRunOptions.RuleId"/> names) for <paramref name="account"/>.</summary>
    /// <exception cref="ArgumentException"><see cref="AlertRunOptions.RuleId"/> names no rule of <paramref name="rules"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<AlertRunSummary> RunAsync(string account, RuleSet rules, AlertRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(options);
        var selected = Select(rules, options.RuleId);
        var now = _timeProvider.GetUtcNow();
        var started = _timeProvider.GetTimestamp();
        var runId = Guid.NewGuid().ToString("N");
        var results = new List<RuleRunResult>();
        var created = new List<Finding>();
        var slicer = new HistorySlicer(_runner, account, now, options.MaxEventsPerEvaluation);
        foreach (var rule in selected)
        {
            var (result, found) = await RunRuleAsync(account, rule, options, slicer, runId, now, cancellationToken).ConfigureAwait(false);
            results.Add(result);
            created.AddRange(found);
        }

        var duration = _timeProvider.GetElapsedTime(started);
        var failed = results.Count(r => r.Failed);
        RulesLog.RunFinished(_logger, created.Count + failed > 0 ? LogLevel.Information : LogLevel.Debug, account, results.Count, created.Count, failed, (long)duration.TotalMilliseconds);
        return new AlertRunSummary(account, runId, now, duration, results, created);
    }

    /// <summary>Logs each problem of <paramref name="rules"/> as a warning: the rule it concerns is skipped until fixed.</summary>
    public void ReportProblems(RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var problem in rules.Problems)
        {
            RulesLog.RuleSkipped(_logger, problem.Source, problem.Message);
        }
    }

    private static IReadOnlyList<AlertRule> Select(RuleSet rules, string? ruleId)
    {
        if (ruleId is null)
        {
            return [.. rules.EnabledRules];
        }

        return [rules.Find(ruleId) ?? throw new ArgumentException($"No rule has the id '{ruleId}'.", nameof(ruleId))];
    }

    private async Task<(RuleRunResult Result, IReadOnlyList<Finding> Created)> RunRuleAsync(
        string account, AlertRule rule, AlertRunOptions options, HistorySlicer slicer, string runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var since = options.Since ?? now - rule.Lookback;
        var firstEvaluation = false;
        var longWindow = false;
        var slice = (From: since, To: now, Index: 0, Count: 1);
        var evaluating = false;
        // By fingerprint: the slices of a long window overlap by the lookback, so one finding can be found, and reported
        // as created by this run, by two of them; the stored alert keeps the newer occurrence, and so does the report.
        var created = new Dictionary<string, Finding>(StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        string? error = null;
        try
        {
            var watermarks = await _watermarks.ReadAsync(account, [rule.Id], cancellationToken).ConfigureAwait(false);
            // A rule's first evaluation for an account covers the whole graph (or the configured first lookback), so
            // the history a backfill brought in is analysed once; later ones cover what is new since the last
            // evaluation, reaching back by the lookback.
            var evaluatedBefore = watermarks.TryGetValue(rule.Id, out var watermark);
            firstEvaluation = !evaluatedBefore;
            var scheduled = evaluatedBefore ? watermark - rule.Lookback : options.FirstEvaluationLookback is { } reach ? now - reach : DateTimeOffset.UnixEpoch;
            since = options.Since ?? scheduled;

            // A long window (a backfill's history, a catch-up) runs as a series of scheduled evaluations, each ending
            // where the next begins and reaching back by the lookback, so no statement reads more than a slice's events.
            IReadOnlyList<DateTimeOffset> ends = [now];
            longWindow = now - since > rule.Lookback + AlertRunOptions.SlicingAfter;
            if (longWindow)
            {
                var slices = await slicer.SlicesAsync(since, cancellationToken).ConfigureAwait(false);
                ends = slices.Ends;
                if (ends.Count > 1)
                {
                    RulesLog.EvaluationSliced(_logger, rule.Id, account, since, slices.Events, ends.Count);
                }
            }

            var from = since;
            for (var i = 0; i < ends.Count; i++)
            {
                slice = (from, ends[i], i, ends.Count);
                evaluating = true;
                var findings = await _evaluator.EvaluateAsync(rule, account, from, ends[i], cancellationToken).ConfigureAwait(false);
                evaluating = false;
                found.UnionWith(findings.Select(f => f.Fingerprint));
                foreach (var batch in findings.Chunk(FindingStore.BatchSize))
                {
                    foreach (var finding in await _store.StoreAsync(rule, batch, runId, now, cancellationToken).ConfigureAwait(false))
                    {
                        if (!created.TryGetValue(finding.Fingerprint, out var earlier) || finding.OccurredOn > earlier.OccurredOn)
                        {
                            created[finding.Fingerprint] = finding;
                        }
                    }
                }

                // A narrower explicit window than the scheduled one must not move the watermark past events it skipped,
                // and an earlier one's first slices must not move it back.
                if (since <= scheduled && (!evaluatedBefore || ends[i] > watermark))
                {
                    await _watermarks.WriteAsync(account, rule.Id, ends[i], cancellationToken).ConfigureAwait(false);
                }

                from = ends[i] - rule.Lookback > since ? ends[i] - rule.Lookback : since;
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = evaluating && longWindow ? failure.Message + Hint(firstEvaluation, slice, options.MaxEventsPerEvaluation) : failure.Message;
            RulesLog.RuleFailed(_logger, rule.Id, account, error);
        }

        // Batches stored before a failure are committed: their findings are new now and never again, so they are reported.
        var duration = _timeProvider.GetElapsedTime(started);
        var createdFindings = created.Values.ToList();
        Report(account, rule, createdFindings, found.Count, since, duration, failed: error is not null);
        return (new RuleRunResult(rule.Id, rule.Severity, since, found.Count, createdFindings.Count, error, duration), createdFindings);
    }

    // A long window can outlast Neo4j__RequestTimeout and would fail the same way on every run until bounded; the slices
    // before the one that failed are done (the watermark is at its start), so the next run goes on from there.
    private static string Hint(bool firstEvaluation, (DateTimeOffset From, DateTimeOffset To, int Index, int Count) slice, long maxEvents)
    {
        var window = slice.Count > 1
            ? $"slice {slice.Index + 1} of {slice.Count}, {slice.From:u} to {slice.To:u}"
            : slice.From == DateTimeOffset.UnixEpoch ? "over the whole history" : $"from {slice.From:u}";
        return firstEvaluation
            ? $" (the rule's first evaluation for the account, {window}; if it keeps failing, set Alerts__MaxEventsPerEvaluation below {maxEvents} or Alerts__FirstEvaluationLookback, e.g. 30d)"
            : $" (the rule's evaluation {window}; if it keeps failing, set Alerts__MaxEventsPerEvaluation below {maxEvents})";
    }

    private void Report(string account, AlertRule rule, List<Finding> created, int rows, DateTimeOffset since, TimeSpan duration, bool failed)
    {
        _metrics.RuleEvaluated(account, rule.Id, failed, duration);
        RulesLog.RuleEvaluated(_logger, rule.Id, account, since, rows, created.Count, (long)duration.TotalMilliseconds);
        var severity = rule.Severity.Word();
        foreach (var finding in created)
        {
            _metrics.NewFinding(account, rule.Id, severity);
            if (rule.Severity >= AlertSeverity.High)
            {
                RulesLog.UrgentFinding(_logger, severity, rule.Id, account, finding.Summary, finding.Fingerprint);
            }
            else
            {
                RulesLog.NewFinding(_logger, severity, rule.Id, account, finding.Summary, finding.Fingerprint);
            }
        }
    }
}
