using System.Text;
using OnePasswordGraph.Rules.Internal;

namespace OnePasswordGraph.Rules;

/// <summary>
/// Renders rules as the readable pack reference (docs/alert-rules.md): a table of every rule, then each rule's
/// description and parameters. A test keeps the committed file equal to the rendering of the built-in pack.
/// </summary>
public static class RulePackDocument
{
    /// <summary>Renders <paramref name="rules"/>, ordered by id.</summary>
    public static string Render(IEnumerable<AlertRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var ordered = rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendLine("# Alert rules");
        text.AppendLine();
        text.AppendLine("<!-- Generated from src/OnePasswordGraph/Rules/Pack by RulePackDocument; a test keeps it equal. Run the tests with UPDATE_SNAPSHOTS=1 to regenerate. -->");
        text.AppendLine();
        text.AppendLine($"The built-in pack has {ordered.Count} rule{(ordered.Count == 1 ? string.Empty : "s")}. They run for each account after every sync, over what is new since their last");
        text.AppendLine("evaluation plus their lookback. Disable a rule with `Alerts__Rules__<id>__Enabled=false`; change a parameter with");
        text.AppendLine("`Alerts__Rules__<id>__Parameters__<name>=<value>` (a list is comma-separated). Findings are `one_password_alert` nodes");
        text.AppendLine("that FLAGS the entities and evidence events they are about (see [the data model](data-model.md)).");
        text.AppendLine();
        text.AppendLine("| id | severity | tags | enabled by default |");
        text.AppendLine("|---|---|---|---|");
        foreach (var rule in ordered)
        {
            text.AppendLine($"| [`{rule.Id}`](#{rule.Id}) | {rule.Severity.Word()} | {string.Join(", ", rule.Tags)} | {(rule.Enabled ? "yes" : "no")} |");
        }

        foreach (var rule in ordered)
        {
            text.AppendLine();
            text.AppendLine($"## {rule.Id}");
            text.AppendLine();
            text.AppendLine($"**{rule.Name}**. Severity {rule.Severity.Word()}, lookback {RuleDuration.Format(rule.Lookback)}{Tags(rule)}{(rule.Enabled ? string.Empty : ", disabled by default")}.");
            text.AppendLine();
            text.AppendLine(rule.Description.Trim());
            text.AppendLine();
            if (rule.Parameters.Count == 0)
            {
                text.AppendLine("No parameters.");
                continue;
            }

            text.AppendLine("| parameter | default | description |");
            text.AppendLine("|---|---|---|");
            foreach (var parameter in rule.Parameters)
            {
                text.AppendLine($"| `{parameter.Name}` | `{Cell(ParameterConverter.Format(parameter.Default))}` | {Cell(parameter.Description)} |");
            }
        }

        return text.ToString();
    }

    private static string Tags(AlertRule rule) => rule.Tags.Count == 0 ? string.Empty : ", tags " + string.Join(", ", rule.Tags);

    // A table cell is one line and a '|' would end it.
    private static string Cell(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries)).Replace("|", "\\|", StringComparison.Ordinal);
}
