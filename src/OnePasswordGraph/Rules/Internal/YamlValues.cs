using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>
/// Typed reading of YAML nodes with the YAML 1.2 core schema (so <c>yes</c> stays text): a plain scalar is a boolean,
/// an integer, a number or null when it looks like one; a quoted scalar is always text.
/// </summary>
internal static partial class YamlValues
{
    public static string Where(YamlNode node) => "line " + node.Start.Line.ToString(CultureInfo.InvariantCulture);

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <summary>Reads a scalar as a typed value: <see cref="bool"/>, <see cref="long"/>, <see cref="double"/>, <see cref="string"/> or null.</summary>
    public static object? Scalar(YamlScalarNode node)
    {
        if (IsNull(node))
        {
            return null;
        }

        var text = node.Value!;
        if (node.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return text;
        }

        if (Boolean(text) is { } flag)
        {
            return flag;
        }

        if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        return Number().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text;
    }

    public static bool? Boolean(string text) =>
        text is "true" or "True" or "TRUE" ? true : text is "false" or "False" or "FALSE" ? false : null;

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
