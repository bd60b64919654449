using System.Globalization;

namespace OnePasswordGraph.Diagnostics;

/// <summary>Durations as a person reads them ("5 days", "3 hours"), for ages in logs and command output.</summary>
public static class HumanDuration
{
    /// <summary>Writes <paramref name="duration"/> in its largest whole unit: seconds below a minute, minutes below an hour, hours below two days, then days.</summary>
    public static string Describe(TimeSpan duration)
    {
        var (count, unit) = duration < TimeSpan.FromMinutes(1) ? ((long)Math.Max(0, duration.TotalSeconds), "second")
            : duration < TimeSpan.FromHours(1) ? ((long)duration.TotalMinutes, "minute")
            : duration < TimeSpan.FromDays(2) ? ((long)duration.TotalHours, "hour")
            : ((long)duration.TotalDays, "day");
        return string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? string.Empty : "s")}");
    }
}
