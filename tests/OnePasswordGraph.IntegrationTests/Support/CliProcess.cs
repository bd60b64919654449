using System.Diagnostics;
using System.Globalization;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>Runs the built <c>onepassword-graph</c> as a separate process, as an operator would.</summary>
internal static class CliProcess
{
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "onepassword-graph.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A command without Neo4j__Url starts the local Neo4j: never the one in the user's home directory.
        start.Environment["LocalNeo4j__Directory"] = Path.Combine(Path.GetTempPath(), "onepassword-graph-tests-local-neo4j");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs the command and returns what it wrote to standard output and to standard error apart.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunApartAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var (exitCode, output, error) = await RunApartAsync(environment, arguments);
        return (exitCode, output + error);
    }

    /// <summary>Sends a signal (<c>INT</c>, <c>TERM</c>) to the process, as Ctrl+C, docker stop or systemd would.</summary>
    public static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Reads standard output up to the line that starts with <paramref name="prefix"/> and returns the lines before it.</summary>
    public static async Task<List<string>> ReadUntilAsync(Process process, string prefix)
    {
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line && !line.StartsWith(prefix, StringComparison.Ordinal))
        {
            lines.Add(line);
        }

        return lines;
    }

    public static Dictionary<string, string> Environment(Neo4jServerFixture neo4j, Uri eventsUrl, string token, string backfill) => new()
    {
        ["OnePassword__Events__BaseUrl"] = eventsUrl.ToString(),
        ["OnePassword__Events__Token"] = token,
        ["OnePassword__BackfillStartTime"] = backfill,
        ["Neo4j__Url"] = neo4j.Url.ToString(),
        ["Neo4j__User"] = neo4j.User,
        ["Neo4j__Password"] = neo4j.Password,
    };
}
