using System.Globalization;
using System.Text.Json;

namespace OnePasswordGraph.Simulator.Events;

/// <summary>
/// One event in a stream's log, kept compact (users, clients and places are shared objects) and written as JSON on
/// demand in the v1 or v2 shape, so that a 200,000-event scenario fits in little memory.
/// </summary>
public abstract record SimulatedEvent(string Uuid, DateTimeOffset Timestamp)
{
    /// <summary>Gets the stream (feature) the event belongs to.</summary>
    public abstract string Feature { get; }

    /// <summary>Writes the event in the shape of API <paramref name="v2"/> (true) or v1.</summary>
    public abstract void Write(Utf8JsonWriter writer, bool v2);

    /// <summary>RFC 3339 with nanoseconds, as real payloads carry them.</summary>
    protected static string Rfc3339(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "42Z";
}
