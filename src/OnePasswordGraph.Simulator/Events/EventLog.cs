namespace OnePasswordGraph.Simulator.Events;

/// <summary>
/// A stream's append-only log. An event's sequence number is its insertion position, which is what a cursor walks;
/// its timestamp may be older than earlier entries', which is how late arrivals look.
/// </summary>
internal sealed class EventLog
{
    private readonly List<SimulatedEvent> _events = [];
    private readonly Lock _gate = new();

    public long HighestSequence
    {
        get
        {
            lock (_gate)
            {
                return _events.Count - 1;
            }
        }
    }

    public void Append(IEnumerable<SimulatedEvent> events)
    {
        lock (_gate)
        {
            _events.AddRange(events);
        }
    }

    /// <summary>Selects the page after <paramref name="state"/> per the simulator specification (section 1.16).</summary>
    public (List<(long Sequence, SimulatedEvent Event)> Page, bool HasMore) Select(CursorState state, DateTimeOffset oldestRetained)
    {
        var page = new List<(long, SimulatedEvent)>();
        lock (_gate)
        {
            for (var sequence = state.AfterSequence + 1; sequence < _events.Count; sequence++)
            {
                var candidate = _events[(int)sequence];
                if (!Qualifies(state, sequence, candidate, oldestRetained))
                {
                    continue;
                }

                if (page.Count == state.Limit)
                {
                    return (page, true);
                }

                page.Add((sequence, candidate));
            }

            return (page, false);
        }
    }

    private static bool Qualifies(CursorState state, long sequence, SimulatedEvent candidate, DateTimeOffset oldestRetained)
    {
        var time = candidate.Timestamp.ToUnixTimeMilliseconds();
        if (candidate.Timestamp < oldestRetained || (state.EndMs is { } end && time >= end))
        {
            return false;
        }

        // Entries that existed when the cursor was reset are filtered by the start time; entries inserted afterwards
        // reach a continuing cursor whatever their timestamp (late arrivals).
        return sequence > state.ResetHighSequence || time >= state.StartMs;
    }
}
