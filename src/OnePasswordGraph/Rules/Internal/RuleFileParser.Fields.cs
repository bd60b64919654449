using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static OnePasswordGraph.Rules.Internal.YamlValues;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>Readers of the single fields of a rule file; each reports its own problems.</summary>
internal sealed partial class RuleFileParser
{
    private string? Id(YamlNode? node)
    {
        var id = Scalar(node, "id");
        if (id is null)
        {
            return null;
        }

        if (!KebabCase().IsMatch(id))
        {
            Problem(node!, $"id '{id}' is not kebab-case (lowercase letters and digits joined by single hyphens, such as vault-export)");
        }
        else if (!string.Equals(id, _fileId, StringComparison.Ordinal))
        {
            Problem(node!, $"id '{id}' must equal the file name '{_fileId}' (rename the file to {id}.yaml or change the id)");
        }

        return id;
    }

    private string? Text(Dictionary<string, YamlNode> fields, string field) => Scalar(fields.GetValueOrDefault(field), field)?.Trim();

    private AlertSeverity? Severity(YamlNode? node)
    {
        var text = Scalar(node, "severity");
        if (text is null)
        {
            return null;
        }

        AlertSeverity? severity = text switch
        {
            "info" => AlertSeverity.Info,
            "low" => AlertSeverity.Low,
            "medium" => AlertSeverity.Medium,
            "high" => AlertSeverity.High,
            "critical" => AlertSeverity.Critical,
            _ => null,
        };
        if (severity is null)
        {
            Problem(node!, $"severity '{text}' is not one of info, low, medium, high, critical");
        }

        return severity;
    }

    private List<string> Tags(YamlNode? node)
    {
        if (node is null || IsNull(node))
        {
            return [];
        }

        if (node is not YamlSequenceNode { Children: var items } || items.Any(i => i is not YamlScalarNode { Value.Length: > 0 }))
        {
            Problem(node, $"tags must be a list of MITRE ATT&CK technique ids, such as [T1567, T1555]");
            return [];
        }

        return [.. items.Select(i => ((YamlScalarNode)i).Value!)];
    }

    private TimeSpan? LookbackOf(YamlNode? node)
    {
        var text = Scalar(node, "lookback");
        if (text is null)
        {
            return null;
        }

        if (!Lookback.TryParse(text, out var lookback))
        {
            Problem(node!, $"lookback '{text}' is not a duration such as 30m, 6h or 2d (a whole number of minutes, hours or days, at most 366d)");
            return null;
        }

        return lookback;
    }

    private bool Enabled(YamlNode? node)
    {
        if (node is null)
        {
            return true;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } && Boolean(text) is { } enabled)
        {
            return enabled;
        }

        Problem(node, $"enabled must be true or false");
        return true;
    }

    private string? Scalar(YamlNode? node, string field)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar when !IsNull(scalar):
                return scalar.Value;
            case YamlScalarNode:
                return null;
            default:
                Problem(node, $"{field} must be a single value, not a list or mapping");
                return null;
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
