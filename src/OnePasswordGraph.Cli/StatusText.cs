using System.Globalization;
using System.Text;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Status;

namespace OnePasswordGraph.Cli;

/// <summary>Renders an <see cref="AccountStatus"/> for a terminal, with ages relative to <c>now</c>.</summary>
internal static class StatusText
{
    public static string Describe(AccountStatus status, DateTimeOffset now)
    {
        var text = new StringBuilder();
        Line(text, $"Account {status.Account}");
        Line(text, status.LastRun is { } run
            ? $"  last run     {run.RunId} {run.Outcome}, finished {When(run.FinishedOn, now)}, took {(run.FinishedOn - run.StartedOn).TotalSeconds:0.0} s"
            : "  last run     none yet");
        foreach (var failure in RunSummaryText.FailuresInJson(status.LastRun?.SummaryJson))
        {
            Line(text, "    failed     " + failure);
        }

        if (status.LastRun is { Outcome: not "succeeded" } failed)
        {
            Line(text, "  last success " + (failed.LastSucceededOn is { } succeeded ? When(succeeded, now) : "none recorded"));
        }

        foreach (var (alert, i) in RunSummaryText.AlertsInJson(status.LastRun?.SummaryJson).Select((line, i) => (line, i)))
        {
            Line(text, (i == 0 ? "  alerts       " : "    ") + alert);
        }

        Line(text, status.LeaseHolder is { } holder && status.LeaseExpiresOn is { } expires && expires > now
            ? $"  lease        held by {holder} until {expires:u}"
            : "  lease        free");
        Line(text, "  stream           cursor moved                 newest event                 events (last run)");
        foreach (var stream in status.Streams)
        {
            Line(text, $"  {stream.Stream,-16} {When(stream.CursorUpdatedOn, now),-28} {When(stream.LastEventOn, now),-28} {(stream.EventsWrittenByLastRun is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "-")}");
        }

        if (status.NodeCounts.GetValueOrDefault(OnePasswordNodeTypes.QuarantinedEvent.Type) is > 0 and var quarantined)
        {
            Line(text, $"  quarantined  {quarantined:N0} malformed events kept as {OnePasswordNodeTypes.QuarantinedEvent.Type} nodes (README: When 1Password sends something wrong)");
        }

        Line(text, "  nodes        " + Counts(status.NodeCounts));
        Line(text, "  relationships " + Counts(status.RelationshipCounts));
        return text.ToString();
    }

    private static void Line(StringBuilder text, FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    private static string Counts(IReadOnlyDictionary<string, long> counts) => counts.Count == 0
        ? "none"
        : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value:N0}")));

    private static string When(DateTimeOffset? time, DateTimeOffset now)
    {
        if (time is not { } t)
        {
            return "never";
        }

        var age = now - t;
        var ago = age < TimeSpan.FromMinutes(1) ? $"{Math.Max(0, (int)age.TotalSeconds)}s"
            : age < TimeSpan.FromHours(1) ? $"{(int)age.TotalMinutes}m"
            : age < TimeSpan.FromDays(2) ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
        return string.Create(CultureInfo.InvariantCulture, $"{t:yyyy-MM-dd HH:mm}Z ({ago} ago)");
    }
}
