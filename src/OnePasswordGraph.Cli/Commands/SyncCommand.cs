using System.CommandLine;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Rules;
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
        var wait = new Option<string?>("--wait")
        {
            Description = "When another process holds an account's lease, wait up to this long for it (e.g. 30s, 10m) instead of skipping the account.",
        };
        var command = ConfiguredCommand.Create(
            "sync",
            "Run one sync of every configured account (events, then inventory) and exit.\n"
            + "Example: onepassword-graph sync --config ./onepassword-graph.json --account acme --wait 10m\n"
            + "Exit codes: 0 every step succeeded; 1 some step failed (the summary says which and why), Neo4j could not be reached, or another process holds an account's lease; "
            + "2 the configuration is invalid (nothing was fetched).",
            LogLevel.Information,
            error,
            (configuration, services, parse, cancellationToken) => RunAsync(configuration, services, parse.GetValue(progress), parse.GetValue(wait), output, error, cancellationToken),
            localNeo4j: "sync (for trying out only: the graph stays on this machine)");
        command.Options.Add(progress);
        command.Options.Add(wait);
        return command;
    }

    private static bool TryParseSeconds(string text, out TimeSpan duration)
    {
        duration = default;
        return text.EndsWith('s') && int.TryParse(text[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && (duration = TimeSpan.FromSeconds(seconds)) >= TimeSpan.Zero;
    }

    private static async Task<int> RunAsync(
        ResolvedConfiguration configuration, IServiceProvider services, bool? showProgress, string? waitText, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var maxWait = TimeSpan.Zero;
        if (waitText is not null && !(RuleDuration.TryParse(waitText, out maxWait) || TryParseSeconds(waitText, out maxWait)))
        {
            await error.WriteLineAsync($"--wait '{waitText}' is not a duration; use seconds, minutes or hours such as 30s, 10m or 1h.").ConfigureAwait(false);
            return ExitCodes.BadConfiguration;
        }

        using var shutdown = ShutdownSignal.Listen(cancellationToken);
        CliServices.Start(services, configuration);
        var sync = services.GetRequiredService<LeasedSync>();
        var holder = LeaseHolder.Create("sync");
        using var display = showProgress ?? (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
            ? new ProgressDisplay(output, services.GetRequiredService<TimeProvider>(), services.GetRequiredService<IMeterFactory>())
            : null;
        var exitCode = ExitCodes.Succeeded;
        DateTimeOffset Now() => services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var settings in configuration.Accounts)
        {
            SyncRunSummary? summary;
            LeaseState? lastState = null;
            try
            {
                var reported = false;
                summary = await sync.RunWhenFreeAsync(
                    settings,
                    holder,
                    configuration.Schedule.LeaseDuration,
                    maxWait,
                    async state =>
                    {
                        if (!reported && maxWait > TimeSpan.Zero)
                        {
                            reported = true;
                            display?.Clear();
                            await output.WriteLineAsync($"Account {settings.Name}: {LeaseText.Held(state, Now())}; waiting up to {waitText} for it (--wait).").ConfigureAwait(false);
                        }

                        lastState = state;
                    },
                    shutdown.Token).ConfigureAwait(false);
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
                await output.WriteLineAsync($"Account {settings.Name}: {LeaseText.Held(lastState, Now())}; skipped. {LeaseText.WhatToDo(lastState, maxWait > TimeSpan.Zero)}").ConfigureAwait(false);
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
