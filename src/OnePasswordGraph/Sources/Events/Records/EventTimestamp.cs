using System.Globalization;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Records;

/// <summary>
/// An event's time: <see cref="Value"/> for arithmetic (to .NET's 100 ns) and <see cref="Text"/>, the RFC 3339 string
/// exactly as 1Password sent it, whose nanoseconds <see cref="Value"/> cannot hold.
/// </summary>
[JsonConverter(typeof(EventTimestampConverter))]
internal readonly record struct EventTimestamp(DateTimeOffset Value, string Text)
{
    /// <summary>A time made in code (tests, fixtures): its text is the round-trip form of the value.</summary>
    public static implicit operator EventTimestamp(DateTimeOffset value) =>
        new(value, value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
}
