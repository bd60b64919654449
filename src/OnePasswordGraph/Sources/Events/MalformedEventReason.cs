namespace OnePasswordGraph.Sources.Events;

/// <summary>Why an element of a page was quarantined; the values are metric tags and stored on the quarantine node.</summary>
public static class MalformedEventReason
{
    /// <summary>The element is not a JSON object (a string, a number, null, an array).</summary>
    public const string NotAnObject = "not_an_object";

    /// <summary>The object has no <c>uuid</c> string, so it cannot be written exactly once.</summary>
    public const string NoUuid = "no_uuid";

    /// <summary>The <c>timestamp</c> is missing or not an RFC 3339 date and time.</summary>
    public const string BadTimestamp = "bad_timestamp";

    /// <summary>The element is larger than <see cref="MalformedEvent.MaxEventBytes"/>.</summary>
    public const string TooLarge = "too_large";

    /// <summary>A known field has a value of the wrong kind (a number where text belongs, say).</summary>
    public const string Unreadable = "unreadable";
}
