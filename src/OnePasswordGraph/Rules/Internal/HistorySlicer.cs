using System.Globalization;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Alerts;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>
/// Cuts a long evaluation window (a first evaluation, a catch-up) into slices of at most a given number of events, at
/// whole hours, so that no statement reads more of a long history than one slice (and its rule's lookback): the window
/// then runs like a series of scheduled evaluations, each ending where the next begins. One instance serves one alert
/// run and counts the account's events once per window start, for all the rules that share it.
/// </summary>
internal sealed class HistorySlicer
{
    private readonly ICypherRunner _runner;
    private readonly string _account;
    private readonly DateTimeOffset _now;
    private readonly long _maxEvents;
    private readonly Dictionary<DateTimeOffset, Task<HistorySlices>> _bySince = [];

    public HistorySlicer(ICypherRunner runner, string account, DateTimeOffset now, long maxEvents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEvents);
        _runner = runner;
        _account = account;
        _now = now;
        _maxEvents = maxEvents;
    }

    /// <summary>Gets the slices of the window from <paramref name="since"/> to the run's time, counting the events once per start.</summary>
    public Task<HistorySlices> SlicesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (!_bySince.TryGetValue(since, out var slices) || slices.IsFaulted || slices.IsCanceled)
        {
            slices = _bySince[since] = CountAsync(since, cancellationToken);
        }

        return slices;
    }

    /// <summary>
    /// Cuts at the start of the hour that would take a slice past <paramref name="maxEvents"/>; an hour holding more
    /// than that is a slice of its own. The last slice ends at <paramref name="now"/>.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Cut(IEnumerable<(long Hour, long Events)> eventsPerHour, long maxEvents, DateTimeOffset now)
    {
        var ends = new List<DateTimeOffset>();
        long inSlice = 0;
        foreach (var (hour, events) in eventsPerHour.GroupBy(h => h.Hour, h => h.Events).Select(g => (Hour: g.Key, Events: g.Sum())).OrderBy(h => h.Hour))
        {
            var start = DateTimeOffset.FromUnixTimeMilliseconds(hour * AlertStatementBuilder.HourMilliseconds);
            if (inSlice > 0 && inSlice + events > maxEvents && start < now)
            {
                ends.Add(start);
                inSlice = 0;
            }

            inSlice += events;
        }

        ends.Add(now);
        return ends;
    }

    private async Task<HistorySlices> CountAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var result = (await _runner.RunAsync([AlertStatements.EventsPerHour(_account, since, _now)], cancellationToken).ConfigureAwait(false))[0];
        var perHour = result.Records().Select(r => (Hour: Convert.ToInt64(r["hour"], CultureInfo.InvariantCulture), Events: Convert.ToInt64(r["events"], CultureInfo.InvariantCulture))).ToList();
        return new HistorySlices(Cut(perHour, _maxEvents, _now), perHour.Sum(h => h.Events));
    }
}
