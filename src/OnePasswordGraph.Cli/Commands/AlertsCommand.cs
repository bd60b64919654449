using System.CommandLine;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>alerts</c>: list, run, validate and explain the alert rules, and report the findings.</summary>
internal static class AlertsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command(
            "alerts",
            "The alert rules: the built-in pack plus the files in Alerts__RulesPath, tuned with Alerts__Rules__<id>__Enabled and Alerts__Rules__<id>__Parameters__<name>.\n"
            + "Example: onepassword-graph alerts run --since 7d");
        command.Subcommands.Add(AlertsListCommand.Create(output, error));
        command.Subcommands.Add(AlertsRunCommand.Create(output, error));
        command.Subcommands.Add(AlertsValidateCommand.Create(output, error));
        command.Subcommands.Add(AlertsExplainCommand.Create(output, error));
        command.Subcommands.Add(AlertsReportCommand.Create(output, error));
        return command;
    }
}
