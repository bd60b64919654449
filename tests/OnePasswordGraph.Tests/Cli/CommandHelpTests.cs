using System.CommandLine;
using System.Diagnostics;
using OnePasswordGraph.Cli.Commands;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.Tests.Cli;

/// <summary>Every command's <c>--help</c> carries an example and its exit codes, and so does <c>scripts/neo4j.sh --help</c>.</summary>
public sealed class CommandHelpTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var path in Leaves(RootCommandFactory.Create(TextWriter.Null, TextWriter.Null), string.Empty))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_OfEveryCommand_HasAnExampleAndTheExitCodes(string path)
    {
        var help = new StringWriter();
        var result = RootCommandFactory.Create(TextWriter.Null, TextWriter.Null).Parse([.. path.Split(' '), "--help"]);
        result.Invoke(new InvocationConfiguration { Output = help });

        Assert.Contains("Example: ", help.ToString(), StringComparison.Ordinal);
        Assert.Contains($"onepassword-graph {path}", help.ToString()[help.ToString().IndexOf("Example: ", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 ", help.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Neo4jScript_Help_ListsEveryOptionWithAnExample()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "scripts", "neo4j.sh"), "--help"]) { RedirectStandardOutput = true };
        using var script = Process.Start(start)!;
        var help = await script.StandardOutput.ReadToEndAsync();
        await script.WaitForExitAsync();

        Assert.Equal(0, script.ExitCode);
        Assert.All(
            ["install", "start", "stop", "--dir", "--http-port", "--bolt-port", "--password", "--password-file", "--watch-pid", "--timeout", "ONEPASSWORDGRAPH_CACHE", "Example:", "Exit codes:"],
            option => Assert.Contains(option, help, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Leaves(Command command, string prefix)
    {
        foreach (var sub in command.Subcommands)
        {
            var path = (prefix + " " + sub.Name).Trim();
            if (sub.Subcommands.Count == 0)
            {
                yield return path;
            }
            else
            {
                foreach (var leaf in Leaves(sub, path))
                {
                    yield return leaf;
                }
            }
        }
    }
}
