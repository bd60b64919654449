using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static OnePasswordGraph.Rules.Internal.YamlValues;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>Reads a rule's <c>parameters</c> mapping: each parameter has a typed default and a description.</summary>
internal static partial class ParameterReader
{
    /// <summary>Gets the parameters the engine passes to every query, which a rule cannot declare.</summary>
    public static IReadOnlySet<string> EngineParameters { get; } = new HashSet<string>(StringComparer.Ordinal) { "account", "since", "now" };

    /// <summary>Reads the parameters; <paramref name="names"/> receives every declared name, even of a broken parameter.</summary>
    public static IReadOnlyList<RuleParameter> Read(YamlNode node, Action<YamlNode?, string> problem, ISet<string> names)
    {
        if (IsNull(node))
        {
            return [];
        }

        if (node is not YamlMappingNode mapping)
        {
            problem(node, $"parameters must be a mapping of names to {{default, description}}");
            return [];
        }

        var parameters = new List<RuleParameter>();
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            names.Add(name);
            if (!Identifier().IsMatch(name))
            {
                problem(key, $"parameter name '{name}' is not a Cypher identifier (a letter, then letters, digits or underscores)");
            }
            else if (EngineParameters.Contains(name))
            {
                problem(key, $"parameter '{name}' clashes with ${name}, which the engine passes to every query; rename it");
            }
            else if (One(name, value, problem) is { } parameter)
            {
                parameters.Add(parameter);
            }
        }

        return parameters;
    }

    private static RuleParameter? One(string name, YamlNode node, Action<YamlNode?, string> problem)
    {
        if (node is not YamlMappingNode fields)
        {
            problem(node, $"parameter '{name}' must be a mapping with default and description");
            return null;
        }

        YamlNode? defaultNode = null;
        string? description = null;
        foreach (var (key, value) in fields.Children)
        {
            switch ((key as YamlScalarNode)?.Value)
            {
                case "default":
                    defaultNode = value;
                    break;
                case "description" when value is YamlScalarNode { Value.Length: > 0 } text:
                    description = text.Value!.Trim();
                    break;
                case "description":
                    break;
                case var other:
                    problem(key, $"parameter '{name}' has unknown field '{other}'; a parameter has only default and description");
                    break;
            }
        }

        var typed = defaultNode is null ? null : Default(name, defaultNode, problem);
        if (defaultNode is null || (typed is null && IsNull(defaultNode)))
        {
            problem(node, $"parameter '{name}' has no default; give it one (an integer, number, true/false, text or list of texts)");
        }

        if (description is null)
        {
            problem(node, $"parameter '{name}' has no description; say what it tunes");
        }

        return typed is null || description is null ? null : new RuleParameter(name, typed, description);
    }

    private static object? Default(string name, YamlNode node, Action<YamlNode?, string> problem)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return Scalar(scalar);
            case YamlSequenceNode { Children: var items } when items.All(i => i is YamlScalarNode s && !IsNull(s)):
                return items.Select(i => ((YamlScalarNode)i).Value!).ToList();
            default:
                problem(node, $"parameter '{name}' has a default that is neither a single value nor a list of texts");
                return null;
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
