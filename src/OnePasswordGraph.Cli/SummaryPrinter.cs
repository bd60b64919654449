using System.Globalization;
using OnePasswordGraph.Sync;

namespace OnePasswordGraph.Cli;

/// <summary>Prints a run summary as a small table: one line per step with its status, duration, counts and error.</summary>
internal static class SummaryPrinter
{
    public static async Task PrintAsync(TextWriter output, SyncRunSummary summary)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Account {summary.Account}: sync {summary.RunId} {(summary.Succeeded ? "succeeded" : "had failures")} in {summary.Duration.TotalSeconds:0.0} s")).ConfigureAwait(false);
        foreach (var step in summary.Steps)
        {
            var counts = step.CountsByType.Count == 0 ? string.Empty : RunSummaryText.Counts(step.CountsByType);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {step.StepId,-16} {step.Status,-32} {step.Duration.TotalSeconds,7:0.0} s  {counts}{(step.Error is null ? string.Empty : "  " + step.Error)}")).ConfigureAwait(false);
        }

        if (summary.Alerts is { } alerts)
        {
            await output.WriteLineAsync("  " + RunSummaryText.Describe(alerts)).ConfigureAwait(false);
        }
    }
}
