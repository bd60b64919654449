using System.CommandLine;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Hosting.LocalNeo4j;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>local-neo4j status|start|stop|reset</c>: the local Neo4j that demo, sync and run use when Neo4j__Url is not set.</summary>
internal static class LocalNeo4jCommand
{
    private const string ExitCodesText = "Exit codes: 0 done; 1 the server could not be installed, started or stopped (the end of its log is printed); 2 the configuration is invalid.";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command(
            "local-neo4j",
            "Manage the local Neo4j that demo, sync and run use when Neo4j__Url is not set: Neo4j 3.1.1 (the server the tests use) on Java 17, "
            + "installed on first use with its data and a generated password under $XDG_DATA_HOME/onepassword-graph/neo4j (else ~/.local/share/...), "
            + $"answering on 127.0.0.1:{LocalNeo4jLocation.DefaultHttpPort}. LocalNeo4j__Directory and LocalNeo4j__HttpPort move it. For trying out, not for production.\n"
            + "Example: onepassword-graph local-neo4j status\n"
            + ExitCodesText);
        command.Subcommands.Add(Sub("status", "Show whether the local Neo4j is installed and running, where, and how to log in.", output, error, StatusAsync));
        command.Subcommands.Add(Sub("start", "Start the local Neo4j (installing it on first use) and show how to log in.", output, error, async (server, o, token) =>
        {
            await server.EnsureStartedAsync(token).ConfigureAwait(false);
            return await StatusAsync(server, o, token).ConfigureAwait(false);
        }));
        command.Subcommands.Add(Sub("stop", "Stop the local Neo4j; its data stays for the next start.", output, error, async (server, o, token) =>
        {
            await server.StopAsync(token).ConfigureAwait(false);
            await o.WriteLineAsync($"Local Neo4j stopped; its data stays in {server.Location.InstanceDirectory}.").ConfigureAwait(false);
            return ExitCodes.Succeeded;
        }));
        command.Subcommands.Add(Sub("reset", "Stop the local Neo4j and delete its data and password (the downloaded server stays, so the next start is quick).", output, error, async (server, o, token) =>
        {
            await server.ResetAsync(token).ConfigureAwait(false);
            await o.WriteLineAsync($"Local Neo4j reset: its data and password in {server.Location.Directory} are deleted.").ConfigureAwait(false);
            return ExitCodes.Succeeded;
        }));
        return command;
    }

    private static Command Sub(string name, string description, TextWriter output, TextWriter error, Func<LocalNeo4jServer, TextWriter, CancellationToken, Task<int>> body)
    {
        var config = CommonOptions.Config();
        var command = new Command(name, $"{description}\nExample: onepassword-graph local-neo4j {name}\n{ExitCodesText}") { config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var shutdown = ShutdownSignal.Listen(cancellationToken);
            try
            {
                return await body(LocalNeo4jDefault.Server(CliConfiguration.Build(parse.GetValue(config))), output, shutdown.Token).ConfigureAwait(false);
            }
            catch (ConfigurationException ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.BadConfiguration;
            }
            catch (LocalNeo4jException ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.StepFailed;
            }
        });
        return command;
    }

    private static async Task<int> StatusAsync(LocalNeo4jServer server, TextWriter output, CancellationToken cancellationToken)
    {
        var status = await server.StatusAsync(cancellationToken).ConfigureAwait(false);
        var state = status.Running ? $"running at {status.Location.Url}"
            : status.Created ? "stopped (its data is kept; `onepassword-graph local-neo4j start` or `demo` starts it)"
            : status.Installed ? "installed, never started"
            : "not installed (the first `demo`, or `local-neo4j start`, installs it: about 137 MB)";
        await output.WriteLineAsync($"Local Neo4j: {state}").ConfigureAwait(false);
        await output.WriteLineAsync($"  directory: {status.Location.Directory}").ConfigureAwait(false);
        if (status.Running)
        {
            await output.WriteAsync(LoginText(status.Location)).ConfigureAwait(false);
        }

        return ExitCodes.Succeeded;
    }

    /// <summary>How to open the local Neo4j in a browser: the address, the login (the password stays in its file) and a first query.</summary>
    public static string LoginText(LocalNeo4jLocation location) =>
        $"  Neo4j Browser: {location.Url}browser/  (it connects over Bolt on 127.0.0.1:{location.BoltPort})\n"
        + $"  login: user {LocalNeo4jServer.User}, password in {location.PasswordFile} (`cat` it; readable by you only)\n"
        + $"  environment for other commands: Neo4j__Url={location.Url} Neo4j__User={LocalNeo4jServer.User} Neo4j__PasswordFile={location.PasswordFile}\n";
}
