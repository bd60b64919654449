using System.CommandLine;
using OnePasswordGraph.Cli.Alerts;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>alerts explain ID</c>: a rule's Cypher and parameter values as they will run.</summary>
internal static class AlertsExplainCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = CommonOptions.Config();
        var id = new Argument<string>("id") { Description = "The rule's id, as `alerts list` shows it." };
        var command = new Command(
            "explain",
            "Show a rule's query and the parameter values it will run with, after configuration overrides. Reads rule files only.\n"
            + "Example: onepassword-graph alerts explain reveal-burst\n"
            + "Exit codes: 0 shown; 2 no such rule, or the configuration or that rule's file is invalid.")
        { config, id };
        command.SetAction(async (parse, _) =>
        {
            if (await AlertRuleFiles.LoadAsync(parse.GetValue(config), error).ConfigureAwait(false) is not { } rules)
            {
                return ExitCodes.BadConfiguration;
            }

            var ruleId = parse.GetValue(id)!;
            if (rules.Find(ruleId) is not { } rule)
            {
                await error.WriteAsync(RuleSetText.Problems(rules.Problems)).ConfigureAwait(false);
                await error.WriteLineAsync($"No loaded rule has the id '{ruleId}'; `onepassword-graph alerts list` shows the ids.").ConfigureAwait(false);
                return ExitCodes.BadConfiguration;
            }

            await output.WriteAsync(RuleSetText.Explain(rule)).ConfigureAwait(false);
            return ExitCodes.Succeeded;
        });
        return command;
    }
}
