namespace OnePasswordGraph.Sources.Events;

/// <summary>
/// Keeps one token's requests inside the Events API's limits (600 per rolling minute and 30,000 per rolling hour by
/// default) by waiting for a free slot rather than earning a 429. One budget is shared by the token's three streams.
/// </summary>
public sealed class RequestBudget : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly int _perMinute;
    private readonly int _perHour;
    private readonly TimeProvider _timeProvider;
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly SemaphoreSlim _gate = new(1, 1);

    public RequestBudget(int perMinute, int perHour, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perHour, 1);
        _perMinute = perMinute;
        _perHour = perHour;
        _timeProvider = timeProvider;
    }

    /// <summary>Waits until a request may be sent within both windows, and counts it.</summary>
    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Each pass either takes a slot or waits until the oldest request that blocks one leaves its window, so
            // the loop ends after at most one wait per window.
            for (var pass = 0; pass < 3; pass++)
            {
                var wait = TimeUntilFree(_timeProvider.GetUtcNow());
                if (wait <= TimeSpan.Zero)
                {
                    _sent.Enqueue(_timeProvider.GetUtcNow());
                    return;
                }

                await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
            }

            _sent.Enqueue(_timeProvider.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private TimeSpan TimeUntilFree(DateTimeOffset now)
    {
        while (_sent.Count > 0 && _sent.Peek() <= now - Hour)
        {
            _sent.Dequeue();
        }

        var wait = TimeSpan.Zero;
        if (_sent.Count >= _perHour)
        {
            wait = _sent.ElementAt(_sent.Count - _perHour) + Hour - now;
        }

        var inLastMinute = _sent.Count(sent => sent > now - Minute);
        if (inLastMinute >= _perMinute)
        {
            var blocking = _sent.ElementAt(_sent.Count - _perMinute) + Minute - now;
            wait = blocking > wait ? blocking : wait;
        }

        return wait;
    }
}
