using System.CommandLine;
using OnePasswordGraph.Cli.Commands;

namespace OnePasswordGraph.Cli;

internal static class Program
{
    // System.CommandLine's own Ctrl+C handling would end the process after a fixed grace period; the commands handle
    // SIGINT and SIGTERM themselves (the worker through the Generic Host) so the page in flight is always committed.
    public static Task<int> Main(string[] args) =>
        RootCommandFactory.Create(Console.Out, Console.Error).Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
}
