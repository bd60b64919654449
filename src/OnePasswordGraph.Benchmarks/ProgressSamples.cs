using System.Diagnostics;

namespace OnePasswordGraph.Benchmarks;

/// <summary>
/// Events written so far against elapsed time, sampled during a backfill, from which the rates over the first and
/// the last 20% of the events are read: the flat-cost target compares the two.
/// </summary>
internal sealed class ProgressSamples
{
    private readonly List<(double Seconds, long Events)> _samples = [(0, 0)];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Add(long events)
    {
        lock (_samples)
        {
            _samples.Add((_clock.Elapsed.TotalSeconds, events));
        }
    }

    /// <summary>Adds a sample of one stream until it is complete: samples after that would stretch its last 20%.</summary>
    public void Add(long events, long total)
    {
        lock (_samples)
        {
            if (_samples[^1].Events < total)
            {
                _samples.Add((_clock.Elapsed.TotalSeconds, events));
            }
        }
    }

    /// <summary>Seconds from the start to the last sample, and the events per second over them.</summary>
    public (double Seconds, double Rate) Overall()
    {
        lock (_samples)
        {
            var end = _samples[^1];
            return (end.Seconds, end.Seconds > 0 ? end.Events / end.Seconds : double.NaN);
        }
    }

    /// <summary>Events per second between the first write and 20% of <paramref name="total"/>, and between 80% and the last sample.</summary>
    public (double First, double Last) EdgeRates(long total)
    {
        lock (_samples)
        {
            // Writing began after the last sample that saw nothing written (process start-up is left out).
            var start = _samples.Last(s => s.Events == 0).Seconds;
            var twenty = Crossing(total * 0.2);
            var eighty = Crossing(total * 0.8);
            var end = _samples[^1];
            var first = twenty.Seconds > start ? twenty.Events / (twenty.Seconds - start) : double.NaN;
            var last = end.Seconds > eighty.Seconds ? (end.Events - eighty.Events) / (end.Seconds - eighty.Seconds) : double.NaN;
            return (first, last);
        }
    }

    private (double Seconds, long Events) Crossing(double events) => _samples.First(s => s.Events >= events);
}
