using OnePasswordGraph.Rules;
using OnePasswordGraph.Tests.Rules.Support;

namespace OnePasswordGraph.Tests.Rules;

public sealed class RuleCatalogValidationTests : IDisposable
{
    private readonly RuleFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void LoadDirectory_ValidRule_LoadsEveryField()
    {
        var path = _files.WriteValid();

        var rules = RuleCatalog.LoadDirectory(_files.Path);

        Assert.Empty(rules.Problems);
        var rule = Assert.Single(rules.Rules);
        Assert.Equal(("my-rule", "My rule", "Why it matters.", AlertSeverity.High), (rule.Id, rule.Name, rule.Description, rule.Severity));
        Assert.Equal(["T1078"], rule.Tags);
        Assert.Equal(TimeSpan.FromHours(1), rule.Lookback);
        Assert.Equal([new RuleParameter("minCount", 3L, "Events that raise it.")], rule.Parameters);
        Assert.Equal(3L, rule.ParameterValues["minCount"]);
        Assert.StartsWith("MATCH (e:one_password_item_usage_event)\n", rule.Query, StringComparison.Ordinal);
        Assert.Equal(path, rule.Source);
        Assert.True(rule.Enabled);
    }

    [Theory]
    [InlineData("severity: high", "severity: high\nowner: secops", "line 5: unknown field 'owner'; a rule has only id, name, description, severity, tags, lookback, enabled, parameters, query")]
    [InlineData("name: My rule\n", "", "missing required field 'name'")]
    [InlineData("severity: high", "severity: urgent", "line 4: severity 'urgent' is not one of info, low, medium, high, critical")]
    [InlineData("severity: high", "severity: High", "line 4: severity 'High' is not one of info, low, medium, high, critical")]
    [InlineData("lookback: 1h", "lookback: 1 hour", "line 6: lookback '1 hour' is not a duration such as 30m, 6h or 2d (a whole number of minutes, hours or days, at most 366d)")]
    [InlineData("lookback: 1h", "lookback: 400d", "line 6: lookback '400d' is not a duration such as 30m, 6h or 2d (a whole number of minutes, hours or days, at most 366d)")]
    [InlineData("    default: 3\n", "", "line 9: parameter 'minCount' has no default; give it one (an integer, number, true/false, text or list of texts)")]
    [InlineData("    default: 3", "    default: ~", "line 9: parameter 'minCount' has no default; give it one (an integer, number, true/false, text or list of texts)")]
    [InlineData("    description: Events that raise it.\n", "", "line 9: parameter 'minCount' has no description; say what it tunes")]
    [InlineData("    default: 3", "    default: 3\n    type: integer", "line 10: parameter 'minCount' has unknown field 'type'; a parameter has only default and description")]
    [InlineData("n >= $minCount", "n >= $minCount AND n < $maxCount", "the query uses $maxCount, which is neither a declared parameter nor $account, $since or $now")]
    [InlineData("n >= $minCount", "n >= 3", "parameter 'minCount' is declared but the query never uses $minCount; remove it or use it")]
    [InlineData("WITH count(e) AS n", "DETACH DELETE e WITH count(e) AS n", "the query must only read, but uses DETACH, DELETE")]
    [InlineData("WITH count(e) AS n", "SET e.seen = true WITH count(e) AS n", "the query must only read, but uses SET")]
    [InlineData("tags: [T1078]", "tags: T1078", "line 5: tags must be a list of MITRE ATT&CK technique ids, such as [T1567, T1555]")]
    [InlineData("severity: high", "severity: high\nenabled: maybe", "line 5: enabled must be true or false")]
    [InlineData("name: My rule", "name: [My, rule]", "line 2: name must be a single value, not a list or mapping")]
    public void LoadDirectory_BrokenField_ReportsItAndLeavesTheRuleOut(string from, string to, string message)
    {
        var path = _files.WriteValid(from, to);

        var rules = RuleCatalog.LoadDirectory(_files.Path);

        Assert.Empty(rules.Rules);
        Assert.Equal([new RuleProblem(path, message)], rules.Problems);
    }

    [Fact]
    public void LoadDirectory_ParameterNamedLikeAnEngineValue_ReportsTheClashAndTheUndeclaredName()
    {
        var path = _files.WriteValid("  minCount:", "  now:");

        var problems = RuleCatalog.LoadDirectory(_files.Path).Problems;

        Assert.Equal(
            [
                new RuleProblem(path, "line 8: parameter 'now' clashes with $now, which the engine passes to every query; rename it"),
                new RuleProblem(path, "the query uses $minCount, which is neither a declared parameter nor $account, $since or $now"),
            ],
            problems);
    }

    [Fact]
    public void LoadDirectory_IdNotKebabCase_ReportsIt()
    {
        var path = _files.WriteValid("id: my-rule", "id: My_Rule", fileName: "My_Rule.yaml");

        var problem = Assert.Single(RuleCatalog.LoadDirectory(_files.Path).Problems);

        Assert.Equal(new RuleProblem(path, "line 1: id 'My_Rule' is not kebab-case (lowercase letters and digits joined by single hyphens, such as vault-export)"), problem);
    }

    [Fact]
    public void LoadDirectory_IdDiffersFromFileName_ReportsIt()
    {
        var path = _files.WriteValid(fileName: "other-name.yml");

        var problem = Assert.Single(RuleCatalog.LoadDirectory(_files.Path).Problems);

        Assert.Equal(new RuleProblem(path, "line 1: id 'my-rule' must equal the file name 'other-name' (rename the file to my-rule.yaml or change the id)"), problem);
    }

    [Fact]
    public void LoadDirectory_DuplicateId_KeepsTheFirstAndReportsTheSecond()
    {
        var first = _files.WriteValid();
        var second = _files.WriteValid(fileName: "my-rule.yml");

        var rules = RuleCatalog.LoadDirectory(_files.Path);

        Assert.Equal(first, Assert.Single(rules.Rules).Source);
        Assert.Equal(
            [new RuleProblem(second, $"id 'my-rule' is already used by {first}; rule ids must be unique (to replace a built-in rule, disable it with Alerts__Rules__my-rule__Enabled=false and give yours another id)")],
            rules.Problems);
    }

    [Fact]
    public void Load_UserRuleWithBuiltInId_ReportsTheDuplicate()
    {
        var path = _files.Write("item-export.yaml", RuleFiles.Valid.Replace("id: my-rule", "id: item-export", StringComparison.Ordinal));

        var rules = RuleCatalog.Load(_files.Path);

        Assert.Equal("built-in:item-export.yaml", rules.Find("item-export")!.Source);
        Assert.Contains(rules.Problems, p => p.Source == path && p.Message.StartsWith("id 'item-export' is already used by built-in:item-export.yaml;", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadDirectory_UnclosedBracket_ReportsInvalidYaml()
    {
        var path = _files.WriteValid("tags: [T1078]", "tags: [T1078");

        var problem = Assert.Single(RuleCatalog.LoadDirectory(_files.Path).Problems);

        Assert.Equal(new RuleProblem(path, "not valid YAML: the parser could not read it (look for an unclosed bracket or quote)"), problem);
    }

    [Fact]
    public void LoadDirectory_BadIndentation_ReportsTheParserMessage()
    {
        var path = _files.WriteValid("name: My rule", "name: My rule\n  extra: x");

        var problem = Assert.Single(RuleCatalog.LoadDirectory(_files.Path).Problems);

        Assert.Equal(new RuleProblem(path, "not valid YAML at line 3, column 8: While scanning a plain scalar value, found invalid mapping."), problem);
    }

    [Fact]
    public void LoadDirectory_SeveralProblemsInOneFile_ReportsThemAll()
    {
        _files.WriteValid("severity: high", "severity: urgent\nowner: secops");

        var problems = RuleCatalog.LoadDirectory(_files.Path).Problems.Select(p => p.Message.Split(':')[0] + ": " + p.Message.Split(':')[1].Trim().Split(' ')[0]);

        Assert.Equal(["line 4: severity", "line 5: unknown"], problems);
    }

    [Fact]
    public void LoadDirectory_OneBrokenFile_StillLoadsTheOthers()
    {
        _files.WriteValid("severity: high", "severity: urgent");
        _files.WriteValid("id: my-rule", "id: good-rule", fileName: "good-rule.yaml");

        var rules = RuleCatalog.LoadDirectory(_files.Path);

        Assert.Equal(["good-rule"], rules.Rules.Select(r => r.Id));
        Assert.Single(rules.Problems);
    }

    [Fact]
    public void LoadDirectory_MissingDirectory_ReportsIt()
    {
        var missing = Path.Combine(_files.Path, "nope");

        var rules = RuleCatalog.LoadDirectory(missing);

        Assert.Equal([new RuleProblem(missing, "the rules directory does not exist (check Alerts__RulesPath)")], rules.Problems);
    }

    [Fact]
    public void LoadDirectory_DollarInsideStringOrComment_IsNotAParameter()
    {
        _files.WriteValid("WITH count(e) AS n", "// costs $5, SET aside\n  WITH count(e) AS n, 'US$ CREATE' AS currency, `odd$name` AS x, e.offset AS `set`");

        Assert.Empty(RuleCatalog.LoadDirectory(_files.Path).Problems);
    }

    [Fact]
    public void LoadDirectory_EnabledFalse_LoadsTheRuleDisabled()
    {
        _files.WriteValid("severity: high", "severity: high\nenabled: false");

        var rule = Assert.Single(RuleCatalog.LoadDirectory(_files.Path).Rules);

        Assert.False(rule.Enabled);
    }

    [Theory]
    [InlineData("3", 3L)]
    [InlineData("-2", -2L)]
    [InlineData("2.5", 2.5)]
    [InlineData("true", true)]
    [InlineData("'3'", "3")]
    [InlineData("yes", "yes")]
    [InlineData("Finance", "Finance")]
    public void LoadDirectory_ScalarDefault_TakesTheYamlType(string yaml, object expected)
    {
        _files.WriteValid("default: 3", "default: " + yaml);

        var rule = Assert.Single(RuleCatalog.LoadDirectory(_files.Path).Rules);

        Assert.Equal(expected, rule.Parameters[0].Default);
    }

    [Theory]
    [InlineData("[pci, 'prod db']", new[] { "pci", "prod db" })]
    [InlineData("[]", new string[0])]
    [InlineData("\n      - pci", new[] { "pci" })]
    public void LoadDirectory_ListDefault_IsAListOfTexts(string yaml, string[] expected)
    {
        _files.WriteValid("default: 3", "default: " + yaml);

        var rule = Assert.Single(RuleCatalog.LoadDirectory(_files.Path).Rules);

        Assert.Equal(expected, Assert.IsAssignableFrom<IReadOnlyList<string>>(rule.Parameters[0].Default));
    }
}
