using OnePasswordGraph.Cli.Commands;

namespace OnePasswordGraph.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => RootCommandFactory.Create(Console.Out, Console.Error).Parse(args).InvokeAsync();
}
