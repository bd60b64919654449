using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Cli.Report;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>alerts report</c>: writes the stored findings and a drawing of each one's neighbourhood to one HTML page.</summary>
internal static class AlertsReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var html = new Option<FileInfo>("--html") { Description = "The HTML file to write (replaced if it exists).", Required = true };
        var since = new Option<string>("--since") { Description = "Show findings raised this far back from now, e.g. 6h, 7d, 30d.", DefaultValueFactory = _ => "30d" };
        var command = ConfiguredCommand.Create(
            "report",
            "Write the stored findings, newest first (at most " + ReportReader.Limit + "), grouped by severity, to one self-contained HTML page "
            + "with a drawing of each finding's neighbourhood in the graph (the user, events, items and vaults involved). "
            + "Needs only the Neo4j__* settings and the accounts' names; the page fetches nothing and opens from a file.\n"
            + "Example: onepassword-graph alerts report --html findings.html --account acme --since 7d\n"
            + "Exit codes: 0 the page was written (also when there are no findings); 1 Neo4j could not be read or the file could not be written; "
            + "2 the configuration or --since is invalid.",
            LogLevel.Warning,
            error,
            (configuration, services, parse, cancellationToken) =>
                RunAsync(configuration, services, parse.GetValue(html)!, parse.GetValue(since)!, output, error, cancellationToken),
            ConfigurationScope.GraphOnly);
        command.Options.Add(html);
        command.Options.Add(since);
        return command;
    }

    private static async Task<int> RunAsync(
        ResolvedConfiguration configuration, IServiceProvider services, FileInfo file, string since, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!RuleDuration.TryParse(since, out var span))
        {
            await error.WriteLineAsync($"--since '{since}' is not a duration; use minutes, hours or days such as 30m, 6h or 7d.").ConfigureAwait(false);
            return ExitCodes.BadConfiguration;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var reader = new ReportReader(services.GetRequiredService<ICypherRunner>());
        var findings = new List<ReportFinding>();
        try
        {
            foreach (var account in configuration.Accounts)
            {
                findings.AddRange(await reader.ReadAsync(account.Name, now - span, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (OnePasswordGraphException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.StepFailed;
        }

        var accounts = string.Join(", ", configuration.Accounts.Select(a => a.Name));
        try
        {
            await File.WriteAllTextAsync(file.FullName, HtmlReport.Render(accounts, findings, now), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"--html: cannot write {file.FullName}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.StepFailed;
        }

        await output.WriteLineAsync($"Wrote {findings.Count} findings to {file.FullName}").ConfigureAwait(false);
        return ExitCodes.Succeeded;
    }
}
