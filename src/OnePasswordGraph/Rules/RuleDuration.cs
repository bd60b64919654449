using System.Globalization;
using System.Text.RegularExpressions;

namespace OnePasswordGraph.Rules;

/// <summary>Reads and writes rule durations such as <c>30m</c>, <c>6h</c> and <c>2d</c>.</summary>
public static partial class RuleDuration
{
    // Beyond the Events API's 120-day retention a longer window only costs time; a year leaves room for inventory rules.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    public static bool TryParse(string text, out TimeSpan lookback)
    {
        lookback = TimeSpan.Zero;
        var match = Pattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var unit = match.Groups["unit"].Value switch
        {
            "m" => TimeSpan.FromMinutes(1),
            "h" => TimeSpan.FromHours(1),
            _ => TimeSpan.FromDays(1),
        };
        if (amount > Longest / unit)
        {
            return false;
        }

        lookback = unit * amount;
        return true;
    }

    /// <summary>Writes the shortest exact form: <c>2d</c>, <c>36h</c>, <c>90m</c>.</summary>
    public static string Format(TimeSpan lookback) => lookback switch
    {
        { Ticks: 0 } => "0m",
        _ when lookback.Ticks % TimeSpan.TicksPerDay == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)lookback.TotalDays}d"),
        _ when lookback.Ticks % TimeSpan.TicksPerHour == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)lookback.TotalHours}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(long)lookback.TotalMinutes}m"),
    };

    [GeneratedRegex("^(?<n>[0-9]{1,6})(?<unit>[mhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
