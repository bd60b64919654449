using System.CommandLine;
using OnePasswordGraph.Cli.Commands;

namespace OnePasswordGraph.Cli;

internal static class Program
{
    // System.CommandLine's own Ctrl+C handling would end the process after a fixed grace period; the commands handle
    // SIGINT and SIGTERM themselves (the worker through the Generic Host) so the page in flight is always committed.
    public static async Task<int> Main(string[] args)
    {
        var parse = RootCommandFactory.Create(Console.Out, Console.Error).Parse(args);
        var exitCode = await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);

        // Options are configuration too: an invalid one stops the command before anything is fetched, like a bad setting.
        return parse.Errors.Count > 0 ? ExitCodes.BadConfiguration : exitCode;
    }
}
