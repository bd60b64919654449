using OnePasswordGraph.Rules;
using OnePasswordGraph.Tests.Rules.Support;
using OnePasswordGraph.Tests.Support;

namespace OnePasswordGraph.Tests.Rules;

public sealed class RulePackDocumentTests
{
    [Fact]
    public void Render_BuiltInPack_EqualsDocsAlertRules() =>
        Snapshot.Match(RulePackDocument.Render(RuleCatalog.LoadBuiltIn().Rules), "docs/alert-rules.md");

    [Fact]
    public void Render_Rule_ShowsTableRowDescriptionAndParameters()
    {
        using var files = new RuleFiles();
        files.WriteValid("description: Why it matters.", "description: Why | it matters.");
        files.Write("quiet-rule.yaml", RuleFiles.Valid.Replace("id: my-rule", "id: quiet-rule", StringComparison.Ordinal).Replace("severity: high", "severity: low\nenabled: false", StringComparison.Ordinal));
        var rules = RuleCatalog.LoadDirectory(files.Path);
        Assert.Empty(rules.Problems);

        var text = RulePackDocument.Render(rules.Rules);

        Assert.Contains("| [`my-rule`](#my-rule) | high | T1078 | yes |", text, StringComparison.Ordinal);
        Assert.Contains("| [`quiet-rule`](#quiet-rule) | low | T1078 | no |", text, StringComparison.Ordinal);
        Assert.Contains("## my-rule\n\n**My rule**. Severity high, lookback 1h, tags T1078.\n\nWhy | it matters.\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("| `minCount` | `3` | Events that raise it. |", text, StringComparison.Ordinal);
        Assert.Contains("Severity low, lookback 1h, tags T1078, disabled by default.", text, StringComparison.Ordinal);
    }
}
