using System.Globalization;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>Converts a configuration value (always text) to the type of a parameter's default.</summary>
internal static class ParameterConverter
{
    /// <summary>Converts <paramref name="text"/>; returns false with what was expected when it does not fit.</summary>
    public static bool TryConvert(string text, object? template, out object? value, out string expected)
    {
        var trimmed = text.Trim();
        (value, expected) = template switch
        {
            long => (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : null, "an integer"),
            double => (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number : null, "a number"),
            bool => (bool.TryParse(trimmed, out var flag) ? flag : null, "true or false"),
            IReadOnlyList<string> => (List(trimmed), "a comma-separated list"),
            _ => ((object?)text, "text"),
        };
        return value is not null;
    }

    /// <summary>Writes a value the way configuration and the docs spell it.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        bool flag => flag ? "true" : "false",
        IReadOnlyList<string> list => "[" + string.Join(", ", list) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    // Configuration values are flat strings, so a list override is written "a, b, c"; an empty value is an empty list.
    private static List<string> List(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
