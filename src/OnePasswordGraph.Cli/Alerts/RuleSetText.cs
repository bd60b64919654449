using System.Globalization;
using System.Text;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Cli.Alerts;

/// <summary>Renders rules and rule problems for a terminal.</summary>
internal static class RuleSetText
{
    public static string List(RuleSet rules)
    {
        var rows = rules.Rules.OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new[] { r.Id, r.Severity.Word(), r.Enabled ? "yes" : "no", string.Join(",", r.Tags), r.Source })
            .ToList();
        return TextColumns.Render(["id", "severity", "enabled", "tags", "source"], rows);
    }

    public static string Problems(IEnumerable<RuleProblem> problems) =>
        string.Concat(problems.Select(p => $"{p.Source}: {p.Message}\n"));

    public static string Explain(AlertRule rule)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{rule.Id} ({rule.Severity.Word()}, {(rule.Enabled ? "enabled" : "disabled")}): {rule.Name}\n");
        text.Append(CultureInfo.InvariantCulture, $"source: {rule.Source}\n");
        text.Append(CultureInfo.InvariantCulture, $"window: from the rule's last evaluation minus its lookback ({RuleDuration.Format(rule.Lookback)}), or from now minus --since\n");
        text.Append("parameters (as they will run, after configuration):\n");
        text.Append("  $account  the configured account name\n  $since    start of the window (epoch ms)\n  $now      end of the window (epoch ms)\n");
        foreach (var parameter in rule.Parameters)
        {
            var value = rule.ParameterValues.GetValueOrDefault(parameter.Name);
            text.Append(CultureInfo.InvariantCulture, $"  ${parameter.Name} = {Format(value)}  ({parameter.Description})\n");
        }

        text.Append("query:\n").Append(rule.Query.TrimEnd()).Append('\n');
        return text.ToString();
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        IEnumerable<string> list => "[" + string.Join(", ", list.Select(s => $"'{s}'")) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
