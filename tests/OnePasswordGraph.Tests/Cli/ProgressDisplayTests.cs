using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Cli;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.Tests.Cli;

public sealed class ProgressDisplayTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly TestMeterFactory _meters = new();
    private readonly TestMeterFactory _otherMeters = new();
    private readonly StringWriter _output = new();

    [Fact]
    public void Display_RedrawsEachSecondFromTheSyncsOwnMetricsAndClearsItsLine()
    {
        var metrics = new SyncMetrics(_meters);
        var elsewhere = new SyncMetrics(_otherMeters);
        using var display = new ProgressDisplay(_output, _clock, _meters);

        metrics.EventsIngested("progress-acme", "itemusages", 500, lagSeconds: (TimeSpan.FromDays(12) + TimeSpan.FromHours(3)).TotalSeconds);
        elsewhere.EventsIngested("progress-other", "itemusages", 7, lagSeconds: 0);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var first = _output.ToString();
        metrics.EventsIngested("progress-acme", "itemusages", 1500, lagSeconds: 10);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = _output.ToString()[first.Length..];
        display.Clear();
        var cleared = _output.ToString()[(first.Length + second.Length)..];

        Assert.Equal("\rprogress-acme/itemusages 500 (500/s, 12d 3h behind)", first);
        Assert.Equal("\rprogress-acme/itemusages 2,000 (1000/s, caught up) ", second);
        Assert.Equal("\r" + new string(' ', second.Length - 2) + "\r", cleared);
    }

    [Fact]
    public void Display_NothingIngestedYet_DrawsNothing()
    {
        using (new ProgressDisplay(_output, _clock, _meters))
        {
            _clock.Advance(TimeSpan.FromSeconds(3));
        }

        Assert.Equal(string.Empty, _output.ToString());
    }

    public void Dispose()
    {
        _meters.Dispose();
        _otherMeters.Dispose();
        _output.Dispose();
    }
}
