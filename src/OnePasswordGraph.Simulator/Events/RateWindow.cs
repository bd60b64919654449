namespace OnePasswordGraph.Simulator.Events;

/// <summary>Sliding per-minute and per-hour request windows of one token.</summary>
internal sealed class RateWindow(int perMinute, int perHour)
{
    private readonly Queue<DateTimeOffset> _requests = new();

    /// <summary>Counts a request at <paramref name="now"/>, or returns how long until one would be allowed.</summary>
    public TimeSpan? TryTake(DateTimeOffset now)
    {
        lock (_requests)
        {
            while (_requests.Count > 0 && _requests.Peek() <= now - TimeSpan.FromHours(1))
            {
                _requests.Dequeue();
            }

            if (_requests.Count >= perHour)
            {
                return _requests.ElementAt(_requests.Count - perHour) + TimeSpan.FromHours(1) - now;
            }

            var lastMinute = _requests.Where(t => t > now - TimeSpan.FromMinutes(1)).ToList();
            if (lastMinute.Count >= perMinute)
            {
                return lastMinute[^perMinute] + TimeSpan.FromMinutes(1) - now;
            }

            _requests.Enqueue(now);
            return null;
        }
    }
}
