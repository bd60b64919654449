using OnePasswordGraph.Rules.Internal;

namespace OnePasswordGraph.Rules;

/// <summary>
/// Loads alert rules from YAML: the built-in pack embedded in this assembly and, optionally, a user directory. Loading
/// is pure (no Neo4j): a broken file or override is reported as a <see cref="RuleProblem"/> and left out, and the other
/// rules still load. <see cref="RuleValidator"/> adds the check only Neo4j can make (the Cypher itself).
/// </summary>
public static class RuleCatalog
{
    private const string ResourcePrefix = "OnePasswordGraph.Rules.Pack.";
    private const string ResourceSuffix = ".yaml";

    /// <summary>Loads the built-in pack, then applies <paramref name="overrides"/> (keyed by rule id).</summary>
    public static RuleSet LoadBuiltIn(IReadOnlyDictionary<string, RuleOverride>? overrides = null) => Load(null, overrides);

    /// <summary>Loads the built-in pack and every <c>*.yaml</c>/<c>*.yml</c> file of <paramref name="userDirectory"/>, then applies <paramref name="overrides"/>.</summary>
    public static RuleSet Load(string? userDirectory, IReadOnlyDictionary<string, RuleOverride>? overrides = null)
    {
        var files = BuiltInFiles().ToList();
        var problems = new List<RuleProblem>();
        if (userDirectory is not null)
        {
            files.AddRange(DirectoryFiles(userDirectory, problems));
        }

        return Build(files, overrides, problems);
    }

    /// <summary>Loads only the rule files of <paramref name="directory"/>, without configuration (what <c>alerts validate DIR</c> checks).</summary>
    public static RuleSet LoadDirectory(string directory)
    {
        var problems = new List<RuleProblem>();
        var files = DirectoryFiles(directory, problems);
        return Build(files, null, problems);
    }

    private static RuleSet Build(IReadOnlyList<RuleFile> files, IReadOnlyDictionary<string, RuleOverride>? overrides, List<RuleProblem> problems)
    {
        var rules = new List<AlertRule>();
        var sources = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var (rule, fileProblems) = RuleFileParser.Parse(file.Text, file.Source, file.Id);
            problems.AddRange(fileProblems);
            if (rule is not null && sources.TryGetValue(rule.Id, out var first))
            {
                problems.Add(new RuleProblem(file.Source, $"id '{rule.Id}' is already used by {first}; rule ids must be unique (to replace a built-in rule, disable it with Alerts__Rules__{rule.Id}__Enabled=false and give yours another id)"));
            }
            else
            {
                sources.TryAdd(file.Id, file.Source);
                if (rule is not null)
                {
                    rules.Add(rule);
                }
            }
        }

        var byId = overrides is null ? null : new Dictionary<string, RuleOverride>(overrides, StringComparer.OrdinalIgnoreCase);
        var applied = OverrideApplier.Apply(rules, sources.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase), byId, problems);
        return new RuleSet(applied, problems);
    }

    private static IEnumerable<RuleFile> BuiltInFiles()
    {
        var assembly = typeof(RuleCatalog).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(IsRule).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var id = resource[ResourcePrefix.Length..^ResourceSuffix.Length];
            yield return new RuleFile($"built-in:{id}{ResourceSuffix}", id, reader.ReadToEnd());
        }

        static bool IsRule(string name) =>
            name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(ResourceSuffix, StringComparison.Ordinal);
    }

    private static List<RuleFile> DirectoryFiles(string directory, List<RuleProblem> problems)
    {
        if (!Directory.Exists(directory))
        {
            problems.Add(new RuleProblem(directory, "the rules directory does not exist (check Alerts__RulesPath)"));
            return [];
        }

        return [.. Directory.EnumerateFiles(directory)
            .Where(path => path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(path => new RuleFile(Path.GetFullPath(path), Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))];
    }
}
