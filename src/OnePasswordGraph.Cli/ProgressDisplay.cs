using System.Diagnostics.Metrics;
using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Cli;

/// <summary>
/// A live progress line for long backfills on a terminal: events written per stream, the rate, and how far behind
/// the newest event is. It listens to the product's own metrics, so what it shows is what operators would graph.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    private readonly TextWriter _output;
    private readonly TimeProvider _timeProvider;
    private readonly MeterListener _listener = new();
    private readonly ProgressTotals _totals;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private int _lastLength;

    /// <param name="output">Where the line is drawn.</param>
    /// <param name="timeProvider">The clock for the redraw timer and the rates.</param>
    /// <param name="meterFactory">The factory of the metrics to show; meters of other factories in the process are ignored.</param>
    public ProgressDisplay(TextWriter output, TimeProvider timeProvider, IMeterFactory meterFactory)
    {
        _output = output;
        _timeProvider = timeProvider;
        _totals = new ProgressTotals(timeProvider.GetTimestamp());
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SyncMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Name is SyncMetrics.EventsIngestedInstrument or SyncMetrics.LagInstrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _totals.Record(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _totals.Record(instrument.Name, value, tags));
        _listener.Start();
        _timer = timeProvider.CreateTimer(_ => Draw(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Erases the progress line, before a summary is printed under it.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            if (_lastLength > 0)
            {
                _output.Write("\r" + new string(' ', _lastLength) + "\r");
                _lastLength = 0;
            }
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _listener.Dispose();
        Clear();
    }

    private void Draw()
    {
        var line = _totals.Describe(_timeProvider.GetElapsedTime(_totals.StartedAt));
        if (line.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _output.Write("\r" + line.PadRight(_lastLength));
            _lastLength = line.Length;
            _output.Flush();
        }
    }
}
