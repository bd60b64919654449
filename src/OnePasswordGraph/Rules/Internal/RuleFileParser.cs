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

    private void Problem(YamlNode? at, string message) =>
        _problems.Add(at is null ? (int.MaxValue, message) : ((int)at.Start.Line, $"{Where(at)}: {message}"));
}
