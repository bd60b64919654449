using Microsoft.Extensions.Logging;

namespace OnePasswordGraph.Sync.Internal;

/// <summary>Log lines about what the Events API sent that the sync could not use as it was (event ids 5301-5349).</summary>
internal static partial class EventFaultLog
{
    // The element's JSON is never logged: it is in the quarantine node, where its size is capped.
    [LoggerMessage(EventId = 5301, EventName = "EventQuarantined", Level = LogLevel.Warning,
        Message = "Account {Account}: a {Stream} event could not be read ({Reason}, {RawBytes} bytes, element {Position} of its page); it is kept as a one_password_quarantined_event node and the rest of the page was written")]
    public static partial void EventQuarantined(ILogger logger, string account, string stream, string reason, int rawBytes, int position);

    [LoggerMessage(EventId = 5302, EventName = "PageWithoutNewEvents", Level = LogLevel.Debug,
        Message = "Account {Account}: {Stream} page says has_more but brings no new event; not written, cursor kept at the last page that did")]
    public static partial void PageWithoutNewEvents(ILogger logger, string account, string stream);

    [LoggerMessage(EventId = 5303, EventName = "FutureEventTime", Level = LogLevel.Warning,
        Message = "Account {Account}: {Stream}'s newest event time {Newest:o} is in the future (clock skew at 1Password's end); restarting from now, {Now:o}, instead")]
    public static partial void FutureEventTime(ILogger logger, string account, string stream, DateTimeOffset newest, DateTimeOffset now);
}
