using OnePasswordGraph.Rules;
using OnePasswordGraph.Tests.Rules.Support;

namespace OnePasswordGraph.Tests.Rules;

public sealed class RuleCatalogOverrideTests : IDisposable
{
    private readonly RuleFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("3", "7", 7L)]
    [InlineData("3", " -1 ", -1L)]
    [InlineData("2.5", "0.75", 0.75)]
    [InlineData("2.5", "4", 4.0)]
    [InlineData("false", "TRUE", true)]
    [InlineData("Finance", "Payroll, HR", "Payroll, HR")]
    public void Load_ParameterOverride_ConvertsToTheDefaultsType(string defaultYaml, string value, object expected)
    {
        _files.WriteValid("default: 3", "default: " + defaultYaml);

        var rule = Load(Override("minCount", value)).Find("my-rule")!;

        Assert.Equal(expected, rule.ParameterValues["minCount"]);
        Assert.Equal(expected.GetType(), rule.ParameterValues["minCount"]!.GetType());
    }

    [Theory]
    [InlineData("pci, prod db ,", new[] { "pci", "prod db" })]
    [InlineData("", new string[0])]
    public void Load_ListOverride_SplitsOnCommas(string value, string[] expected)
    {
        _files.WriteValid("default: 3", "default: [a]");

        var rule = Load(Override("minCount", value)).Find("my-rule")!;

        Assert.Equal(expected, Assert.IsAssignableFrom<IReadOnlyList<string>>(rule.ParameterValues["minCount"]));
    }

    [Fact]
    public void Load_ParameterNameInOtherCase_StillApplies()
    {
        _files.WriteValid();

        var rule = Load(Override("MINCOUNT", "9")).Find("my-rule")!;

        Assert.Equal(9L, rule.ParameterValues["minCount"]);
        Assert.Equal(3L, rule.Parameters[0].Default);
    }

    [Theory]
    [InlineData("3", "many", "Alerts:Rules:my-rule:Parameters:minCount: 'many' is not an integer like the default 3; the rule is not run until this is fixed")]
    [InlineData("3", "2.5", "Alerts:Rules:my-rule:Parameters:minCount: '2.5' is not an integer like the default 3; the rule is not run until this is fixed")]
    [InlineData("0.5", "half", "Alerts:Rules:my-rule:Parameters:minCount: 'half' is not a number like the default 0.5; the rule is not run until this is fixed")]
    [InlineData("true", "yes", "Alerts:Rules:my-rule:Parameters:minCount: 'yes' is not true or false like the default true; the rule is not run until this is fixed")]
    public void Load_OverrideThatDoesNotConvert_ReportsItAndLeavesTheRuleOut(string defaultYaml, string value, string message)
    {
        _files.WriteValid("default: 3", "default: " + defaultYaml);

        var rules = Load(Override("minCount", value));

        Assert.Null(rules.Find("my-rule"));
        Assert.Equal([new RuleProblem("configuration", message)], rules.Problems);
    }

    [Fact]
    public void Load_OverrideOfUnknownParameter_ReportsIt()
    {
        _files.WriteValid();

        var rules = Load(Override("maxCount", "1"));

        Assert.Null(rules.Find("my-rule"));
        Assert.Equal(
            [new RuleProblem("configuration", "Alerts:Rules:my-rule:Parameters:maxCount: rule 'my-rule' has no parameter 'maxCount' (it has minCount); the rule is not run until this is fixed")],
            rules.Problems);
    }

    [Fact]
    public void Load_OverrideOfUnknownRule_ReportsItAndKeepsTheOthers()
    {
        _files.WriteValid();

        var rules = Load(new Dictionary<string, RuleOverride> { ["no-such-rule"] = new(false, new Dictionary<string, string>()) });

        Assert.NotNull(rules.Find("my-rule"));
        Assert.Equal([new RuleProblem("configuration", "Alerts:Rules:no-such-rule: no rule has the id 'no-such-rule' (alerts list shows the rules)")], rules.Problems);
    }

    [Fact]
    public void Load_OverrideOfBrokenRule_ReportsOnlyTheFile()
    {
        var path = _files.WriteValid("severity: high", "severity: urgent");

        var rules = Load(Override("minCount", "1"));

        Assert.Equal([path], rules.Problems.Select(p => p.Source));
    }

    [Fact]
    public void Load_EnabledOverride_DisablesOnlyThatRule()
    {
        _files.WriteValid();

        var rules = Load(new Dictionary<string, RuleOverride> { ["item-export"] = new(false, new Dictionary<string, string>()) });

        Assert.False(rules.Find("item-export")!.Enabled);
        Assert.True(rules.Find("my-rule")!.Enabled);
        Assert.DoesNotContain(rules.EnabledRules, r => r.Id == "item-export");
    }

    [Fact]
    public void LoadBuiltIn_NoOverrides_LoadsThePackWithoutProblems()
    {
        var rules = RuleCatalog.LoadBuiltIn();

        Assert.Empty(rules.Problems);
        Assert.Contains(rules.Rules, r => r.Id == "item-export" && r.Source == "built-in:item-export.yaml");
        Assert.All(rules.Rules, r => Assert.Equal($"built-in:{r.Id}.yaml", r.Source));
    }

    private RuleSet Load(IReadOnlyDictionary<string, RuleOverride> overrides) => RuleCatalog.Load(_files.Path, overrides);

    private static Dictionary<string, RuleOverride> Override(string parameter, string value) =>
        new() { ["my-rule"] = new(null, new Dictionary<string, string> { [parameter] = value }) };
}
