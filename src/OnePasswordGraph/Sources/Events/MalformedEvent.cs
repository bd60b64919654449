namespace OnePasswordGraph.Sources.Events;

/// <summary>
/// An element of a good page that cannot be read as an event (see <see cref="MalformedEventReason"/>). The rest of
/// its page is read as usual; the sync keeps this one in the quarantine, never drops it silently.
/// </summary>
/// <param name="Position">The element's index in its page's <c>items</c>.</param>
/// <param name="Reason">Why it was set aside, one of <see cref="MalformedEventReason"/>'s values.</param>
/// <param name="RawJson">The element's JSON as received, cut to <see cref="MaxStoredBytes"/> UTF-8 bytes.</param>
/// <param name="RawBytes">The element's full size in UTF-8 bytes.</param>
/// <param name="RawSha256">The SHA-256 of the full JSON (lower-case hex), which tells two bad events apart.</param>
public sealed record MalformedEvent(int Position, string Reason, string RawJson, int RawBytes, string RawSha256)
{
    /// <summary>An event larger than this (raw JSON, UTF-8 bytes) is quarantined: real events are under 4 KiB.</summary>
    public const int MaxEventBytes = 64 * 1024;

    /// <summary>At most this much of a quarantined event's JSON is kept: enough to see what was wrong with it.</summary>
    public const int MaxStoredBytes = 8 * 1024;

    /// <summary>Gets a value indicating whether <see cref="RawJson"/> is only the start of the element.</summary>
    public bool Truncated => RawBytes > MaxStoredBytes;
}
