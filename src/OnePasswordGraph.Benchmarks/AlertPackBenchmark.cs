namespace OnePasswordGraph.Benchmarks;

/// <summary>
/// Times the alert pack over the sync's graph three times: a pass over the last day, the first pass over the whole
/// history that follows a backfill, and the pass after it, which is what the worker runs every interval.
/// </summary>
internal static class AlertPackBenchmark
{
    // Past this a pass is reported as too slow rather than holding the benchmark. Neo4j 3.1 goes on running a stopped
    // pass's statements (it cannot cancel them), which is why the pass over the whole history is the benchmark's last.
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static async Task RunAsync(IReadOnlyDictionary<string, string> syncEnvironment, BenchmarkReport report)
    {
        var environment = syncEnvironment
            .Where(e => e.Key.StartsWith("Neo4j__", StringComparison.Ordinal) || e.Key.StartsWith("Logging__", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value);

        // A scheduled pass covers each rule's time since its last evaluation (the 5-minute interval) plus its lookback
        // (1 hour to 1 day); one day for every rule is at least that. An explicit window moves no watermark, so the
        // pass below is still every rule's first evaluation.
        await TimeAsync(environment, ["alerts", "run", "--since", "1d", "--format", "json"],
            "alert pack, pass over the last day (every rule over the last 24 h, more than any scheduled window)", report);

        // Without --since each rule's first evaluation for the account covers the whole graph.
        var first = await TimeAsync(environment, ["alerts", "run", "--format", "json"],
            "alert pack, first pass over the whole history (each rule's first evaluation after the backfill)", report);
        const string next = "alert pack, next pass (each rule's lookback plus the time since the first pass, as the worker runs it every interval)";
        if (!first)
        {
            report.Line($"{next}: not run, the first pass did not finish with every rule evaluated");
            return;
        }

        // What the worker pays every interval once the rules have watermarks: each rule's lookback plus the time since
        // the pass above. The scenario's events end when the benchmark starts, so the windows hold somewhat fewer
        // events than a live account's would.
        await TimeAsync(environment, ["alerts", "run", "--format", "json"], next, report);
    }

    /// <summary>Returns whether the pass finished with every rule evaluated.</summary>
    private static async Task<bool> TimeAsync(IReadOnlyDictionary<string, string> environment, string[] arguments, string title, BenchmarkReport report)
    {
        var pass = await SyncProcess.RunAsync(environment, arguments, null, CancellationToken.None, Limit);
        if (pass.ExitCode == -1)
        {
            report.Line($"{title}: did not finish within {Limit.TotalSeconds:0} s, stopped (target under 30 s)");
            return false;
        }

        var findings = pass.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        report.Line($"{title}: {pass.Elapsed.TotalSeconds:0.0} s (process included), {findings} new findings, exit code {pass.ExitCode} (target under 30 s)");
        return pass.ExitCode == 0;
    }
}
