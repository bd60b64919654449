using System.CommandLine;

namespace OnePasswordGraph.Cli.Commands;

/// <summary>The <c>onepassword-graph</c> command and its subcommands.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "OnePasswordGraph: 1Password Business activity (Events API) and inventory (Connect) in a Neo4j graph.\n"
            + "Configuration comes from appsettings.json, environment variables (OnePassword__Events__BaseUrl, Neo4j__Url, ...) and --config.");
        root.Subcommands.Add(SyncCommand.Create(output, error));
        root.Subcommands.Add(RunCommand.Create(output, error));
        root.Subcommands.Add(StatusCommand.Create(output, error));
        root.Subcommands.Add(AlertsCommand.Create(output, error));
        root.Subcommands.Add(UsersCommand.Create(output, error));
        root.Subcommands.Add(DoctorCommand.Create(output, error));
        root.Subcommands.Add(SimulatorCommand.Create(output, error));
        root.Subcommands.Add(DemoCommand.Create(output, error));
        root.Subcommands.Add(LocalNeo4jCommand.Create(output, error));
        return root;
    }
}
