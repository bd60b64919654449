using System.Globalization;
using System.Net.Http.Headers;

namespace OnePasswordGraph.Sources.Events;

/// <summary>What counts as transient for the 1Password HTTP APIs, decided in one place.</summary>
public static class EventsApiErrorClassifier
{
    /// <summary>5xx, 408 and 429 may succeed when sent again; 400, 401, 403 and 404 never will.</summary>
    public static bool IsTransient(int statusCode) => statusCode is >= 500 or 408 or 429;

    /// <summary>Reads <c>Retry-After</c> as delta-seconds or an HTTP date; null when absent or unreadable.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.RetryAfter is { } value)
        {
            if (value.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (value.Date is { } date)
            {
                var wait = date - now;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        return headers.TryGetValues("Retry-After", out var raw)
            && int.TryParse(raw.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
