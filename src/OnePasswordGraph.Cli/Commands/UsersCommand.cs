using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Delivery.Response;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Response;
using OnePasswordGraph.Hosting.Configuration;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>users suspend|reactivate</c>: acts on one person through the Users API and records it like the suspend-user response.</summary>
internal static class UsersCommand
{
    /// <summary>The <c>requestedBy</c> of the actions this command records.</summary>
    public const string RequestedBy = "cli";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command(
            "users",
            "People of a 1Password account through the Users API (OnePassword__Users__BaseUrl, __ClientId, __ClientSecret or __ClientSecretFile). "
            + "Every action is recorded in Neo4j as a one_password_response_action node linked to the user.\n"
            + "Example: onepassword-graph users suspend --user IR7VJHJ36JHINBFAD7V2T5MP3E --dry-run");
        command.Subcommands.Add(Action("suspend", UserAction.Suspend, output, error));
        command.Subcommands.Add(Action("reactivate", UserAction.Reactivate, output, error));
        return command;
    }

    private static Command Action(string name, UserAction action, TextWriter output, TextWriter error)
    {
        var user = new Option<string>("--user") { Description = "The user's uuid (as in the Events API and the graph's userUUID).", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only record what would be done; nothing is sent to 1Password." };
        var command = ConfiguredCommand.Create(
            name,
            $"{(action == UserAction.Suspend ? "Suspend" : "Reactivate")} one user of the account now, for a person at the keyboard: the suspend-user response's protected list and "
            + "hourly cap do not apply, its recording does. Needs the account's Users API settings and Neo4j__*.\n"
            + $"Example: onepassword-graph users {name} --user IR7VJHJ36JHINBFAD7V2T5MP3E --account acme --dry-run\n"
            + $"Exit codes: 0 {(action == UserAction.Suspend ? "suspended" : "reactivated")} (or recorded as a dry run); 1 1Password refused (an externally managed admin, "
            + "the last owner), the call failed, or Neo4j could not be reached; 2 the configuration or the options are invalid.",
            LogLevel.Warning,
            error,
            (configuration, services, parse, cancellationToken) =>
                RunAsync(configuration, services, action, parse.GetValue(user)!, parse.GetValue(dryRun), output, error, cancellationToken));
        command.Options.Add(user);
        command.Options.Add(dryRun);
        return command;
    }

    private static async Task<int> RunAsync(
        ResolvedConfiguration configuration, IServiceProvider services, UserAction action, string user, bool dryRun, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var accounts = configuration.Accounts.Where(a => a.Users is not null).ToList();
        if (accounts.Count != 1)
        {
            await error.WriteLineAsync(accounts.Count == 0
                ? "No account has the Users API configured; set OnePassword__Users__BaseUrl, OnePassword__Users__ClientId and OnePassword__Users__ClientSecret (or ClientSecretFile)."
                : $"Several accounts have the Users API configured ({string.Join(", ", accounts.Select(a => a.Name))}); choose one with --account.").ConfigureAwait(false);
            return ExitCodes.BadConfiguration;
        }

        if (string.IsNullOrWhiteSpace(user))
        {
            await error.WriteLineAsync("--user is empty; give the user's uuid.").ConfigureAwait(false);
            return ExitCodes.BadConfiguration;
        }

        try
        {
            // The action is recorded as a node with a unique key: the schema must exist even on a graph no sync has prepared.
            await services.GetRequiredService<GraphSchemaInstaller>().ApplyAsync(cancellationToken).ConfigureAwait(false);
            var record = await services.GetRequiredService<UserResponder>()
                .ActAsync(new ResponseRequest(accounts[0].Name, action, user.Trim(), dryRun, RequestedBy), cancellationToken).ConfigureAwait(false);
            var text = $"Account {record.Account}: {record.Action} {record.TargetUserUuid}: {record.Result}{(record.Error is { } why ? $" ({why})" : string.Empty)}";
            if (record.Result == ResponseResults.Refused)
            {
                await error.WriteLineAsync(text).ConfigureAwait(false);
                return ExitCodes.StepFailed;
            }

            await output.WriteLineAsync(text).ConfigureAwait(false);
            return ExitCodes.Succeeded;
        }
        catch (OnePasswordGraphException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.StepFailed;
        }
    }
}
