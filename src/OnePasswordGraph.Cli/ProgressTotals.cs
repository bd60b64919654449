using System.Globalization;
using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Cli;

/// <summary>Events written and lag per account and stream, as the progress line shows them.</summary>
internal sealed class ProgressTotals(long startedAt)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, (long Events, double Lag)> _streams = new(StringComparer.Ordinal);

    public long StartedAt { get; } = startedAt;

    public void Record(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? account = null, stream = null;
        foreach (var tag in tags)
        {
            account = tag.Key == "account" ? tag.Value as string : account;
            stream = tag.Key == "stream" ? tag.Value as string : stream;
        }

        var key = $"{account}/{stream}";
        lock (_gate)
        {
            var current = _streams.GetValueOrDefault(key);
            _streams[key] = instrument == SyncMetrics.EventsIngestedInstrument ? (current.Events + (long)value, current.Lag) : (current.Events, value);
        }
    }

    /// <summary>For example <c>acme/itemusages 12,000 (950/s, 3d 2h behind) | acme/auditevents 800 (63/s, caught up)</c>.</summary>
    public string Describe(TimeSpan elapsed)
    {
        lock (_gate)
        {
            return string.Join(" | ", _streams.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s.Key} {s.Value.Events:N0} ({(elapsed.TotalSeconds > 0 ? s.Value.Events / elapsed.TotalSeconds : 0):0}/s, {Behind(s.Value.Lag)})")));
        }
    }

    private static string Behind(double lagSeconds)
    {
        var lag = TimeSpan.FromSeconds(Math.Max(0, lagSeconds));
        return lag < TimeSpan.FromMinutes(2) ? "caught up"
            : lag < TimeSpan.FromHours(1) ? string.Create(CultureInfo.InvariantCulture, $"{lag.TotalMinutes:0}m behind")
            : lag < TimeSpan.FromDays(1) ? string.Create(CultureInfo.InvariantCulture, $"{(int)lag.TotalHours}h {lag.Minutes}m behind")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)lag.TotalDays}d {lag.Hours}h behind");
    }
}
