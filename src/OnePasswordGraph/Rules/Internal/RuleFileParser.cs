using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static OnePasswordGraph.Rules.Internal.YamlValues;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>
/// Reads one rule file and checks everything that can be checked without Neo4j. Every problem is collected (not only
/// the first), so one pass over a broken file tells its author all there is to fix.
/// </summary>
internal sealed partial class RuleFileParser
{
    private static readonly string[] Fields = ["id", "name", "description", "severity", "tags", "lookback", "enabled", "parameters", "query"];
    private static readonly string[] RequiredFields = ["id", "name", "description", "severity", "lookback", "query"];

    private readonly string _source;
    private readonly string _fileId;
    private readonly List<(int Line, string Message)> _problems = [];

    private RuleFileParser(string source, string fileId)
    {
        _source = source;
        _fileId = fileId;
    }

    /// <summary>Parses <paramref name="text"/>; the rule is null when there is any problem.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="source">The file's path or <c>built-in:&lt;id&gt;.yaml</c>, for the problems.</param>
    /// <param name="fileId">The file name without extension, which the id must equal.</param>
    public static (AlertRule? Rule, IReadOnlyList<RuleProblem> Problems) Parse(string text, string source, string fileId)
    {
        var parser = new RuleFileParser(source, fileId);
        var rule = parser.Read(text);
        // In file order, so the list reads like the file; problems of the whole file (no line) come last.
        var problems = parser._problems.OrderBy(p => p.Line).Select(p => new RuleProblem(source, p.Message)).ToList();
        return (problems.Count == 0 ? rule : null, problems);
    }

    private AlertRule? Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException error)
        {
            Problem(null, $"not valid YAML at line {error.Start.Line}, column {error.Start.Column}: {error.Message}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some malformed input (an unclosed flow sequence, for one).
            Problem(null, "not valid YAML: the parser could not read it (look for an unclosed bracket or quote)");
            return null;
        }

        if (stream.Documents is not [{ RootNode: YamlMappingNode root }])
        {
            Problem(null, "the file must hold one YAML mapping with the fields " + string.Join(", ", Fields));
            return null;
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            var field = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (Array.IndexOf(Fields, field) < 0)
            {
                Problem(key, $"unknown field '{field}'; a rule has only {string.Join(", ", Fields)}");
            }
            else
            {
                fields[field] = value;
            }
        }

        foreach (var missing in RequiredFields.Where(f => !fields.ContainsKey(f) || IsNull(fields[f])))
        {
            Problem(null, $"missing required field '{missing}'");
        }

        var id = Id(fields.GetValueOrDefault("id"));
        var name = Text(fields, "name");
        var description = Text(fields, "description");
        var severity = Severity(fields.GetValueOrDefault("severity"));
        var tags = Tags(fields.GetValueOrDefault("tags"));
        var lookback = LookbackOf(fields.GetValueOrDefault("lookback"));
        var enabled = Enabled(fields.GetValueOrDefault("enabled"));
        var query = Text(fields, "query");
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var parameters = fields.TryGetValue("parameters", out var node) ? ParameterReader.Read(node, Problem, declared) : [];
        foreach (var problem in query is null ? [] : QueryChecks.Problems(query, declared))
        {
            Problem(null, problem);
        }

        return _problems.Count > 0 ? null : new AlertRule(
            id!, name!, description!, severity!.Value, tags, lookback!.Value, parameters, query!, _source, enabled,
            parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal));
    }

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

    private void Problem(YamlNode? at, string message) =>
        _problems.Add(at is null ? (int.MaxValue, message) : ((int)at.Start.Line, $"{Where(at)}: {message}"));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();
}
