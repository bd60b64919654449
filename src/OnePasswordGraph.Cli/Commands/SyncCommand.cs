using System.CommandLine;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Leases;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>sync</c>: one full sync of every configured account, then exit.</summary>
internal static class SyncCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var progress = new Option<bool?>("--progress")
        {
            Description = "Show a live progress line per stream (default: on when the output is a terminal).",
        };
        var command = ConfiguredCommand.Create(
            "sync",
            "Run one sync of every configured account (events, then inventory) and exit.\n"
            + "Example: onepassword-graph sync --config ./onepassword-graph.json --account acme\n"
            + "Exit codes: 0 every step succeeded; 1 some step failed (the summary says which and why), Neo4j could not be reached, or another process holds an account's lease; "
            + "2 the configuration is invalid (nothing was fetched).",
            LogLevel.Information,
            error,
            (configuration, services, parse, cancellationToken) => RunAsync(configuration, services, parse.GetValue(progress), output, error, cancellationToken),
            localNeo4j: "sync (for trying out only: the graph stays on this machine)");
        command.Options.Add(progress);
        return command;
    }

    private static async Task<int> RunAsync(
        ResolvedConfiguration configuration, IServiceProvider services, bool? showProgress, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var shutdown = ShutdownSignal.Listen(cancellationToken);
        CliServices.Start(services, configuration);
        var sync = services.GetRequiredService<LeasedSync>();
        var holder = LeaseHolder.Create("sync");
        using var display = showProgress ?? (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
            ? new ProgressDisplay(output, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IMeterFactory>())
            : null;
        var exitCode = ExitCodes.Succeeded;
        foreach (var settings in configuration.Accounts)
        {
            SyncRunSummary? summary;
            try
            {
                summary = await sync.TryRunAsync(settings, holder, configuration.Schedule.LeaseDuration, shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
            {
                display?.Clear();
                await output.WriteLineAsync($"Account {settings.Name}: stopped on request; the pages written so far are kept with their cursor.").ConfigureAwait(false);
                return ExitCodes.StepFailed;
            }
            catch (OnePasswordGraphException ex)
            {
                // The account's run could not start or was stopped; its summary, if any, is on the sync-state node.
                display?.Clear();
                await error.WriteLineAsync(ex is LeaseLostException ? ex.Message : $"Account {settings.Name}: {ex.Message}").ConfigureAwait(false);
                exitCode = ExitCodes.StepFailed;
                continue;
            }

            display?.Clear();
            if (summary is null)
            {
                await output.WriteLineAsync($"Account {settings.Name}: another process is syncing it (its lease is held); skipped.").ConfigureAwait(false);
                exitCode = ExitCodes.StepFailed;
                continue;
            }

            await SummaryPrinter.PrintAsync(output, summary).ConfigureAwait(false);
            if (!summary.Succeeded)
            {
                exitCode = ExitCodes.StepFailed;
            }
        }

        return exitCode;
    }
}
