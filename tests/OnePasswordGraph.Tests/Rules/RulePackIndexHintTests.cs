using System.Text.RegularExpressions;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Tests.Rules;

/// <summary>
/// Index hints make a query fail outright on a server without that index (Neo4j 5: "No such index"), so every hint in
/// the built-in pack must name a property the schema declares as indexed, which the schema installer creates.
/// </summary>
public sealed partial class RulePackIndexHintTests
{
    [Fact]
    public void BuiltInPack_IndexHints_NameIndexedProperties()
    {
        var rules = RuleCatalog.LoadBuiltIn();
        var hints = rules.Rules.SelectMany(rule => Hint().Matches(rule.Query).Select(m => (rule.Id, Label: m.Groups["label"].Value, Property: m.Groups["property"].Value))).ToList();

        var wrong = hints
            .Where(h => GraphSchema.OnePassword.FindNodeType(h.Label)?.Property(h.Property) is not { Indexed: true })
            .Select(h => $"{h.Id}: {h.Label}({h.Property})")
            .ToList();

        Assert.NotEmpty(hints);
        Assert.True(wrong.Count == 0, "Hints on properties without an index: " + string.Join(", ", wrong));
    }

    [GeneratedRegex(@"USING INDEX \w+:`?(?<label>\w+)`?\(`?(?<property>\w+)`?\)")]
    private static partial Regex Hint();
}
