using System.CommandLine;
using OnePasswordGraph.Cli.Alerts;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>alerts list</c>: every rule with its severity, whether it runs, its tags and where it came from.</summary>
internal static class AlertsListCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = CommonOptions.Config();
        var command = new Command(
            "list",
            "List the alert rules: id, severity, enabled, MITRE ATT&CK tags and source file. Reads rule files only.\n"
            + "Example: onepassword-graph alerts list\n"
            + "Exit codes: 0 listed (broken rule files are reported on stderr); 2 the configuration is invalid.")
        { config };
        command.SetAction(async (parse, _) =>
        {
            if (await AlertRuleFiles.LoadAsync(parse.GetValue(config), error).ConfigureAwait(false) is not { } rules)
            {
                return ExitCodes.BadConfiguration;
            }

            await output.WriteAsync(RuleSetText.List(rules)).ConfigureAwait(false);
            await error.WriteAsync(RuleSetText.Problems(rules.Problems)).ConfigureAwait(false);
            return ExitCodes.Succeeded;
        });
        return command;
    }
}
