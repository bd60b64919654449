using System.Globalization;

namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>
/// The body of every event request: the cursor alone (the page size travels inside it), or for a new cursor the page
/// size and the start time (RFC 3339, whole seconds, UTC). Absent members are not written.
/// </summary>
internal sealed record PageRequestBody(string? Cursor, int? Limit, string? StartTime)
{
    public static PageRequestBody From(EventPageRequest request) => request switch
    {
        EventPageRequest.Continue next => new PageRequestBody(next.Value, null, null),
        EventPageRequest.Reset reset => new PageRequestBody(
            null, reset.Limit, reset.StartTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };
}
