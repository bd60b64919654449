using System.CommandLine;
using System.Globalization;
using OnePasswordGraph.Simulator;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>simulator</c>: serves a simulated 1Password account (Events API, Connect and the Users API) on loopback with a seeded scenario.</summary>
internal static class SimulatorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port") { Description = "Loopback port of the Events API simulator (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var connectPort = new Option<int>("--connect-port") { Description = "Loopback port of the Connect simulator (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var usersPort = new Option<int>("--users-port") { Description = "Loopback port of the Users API simulator (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var eventsToken = new Option<string?>("--events-token") { Description = "Accept this Events API token instead of minting a new one (a restart keeps the settings)." };
        var connectToken = new Option<string?>("--connect-token") { Description = "Accept this Connect token instead of minting a new one." };
        var usersClientId = new Option<string?>("--users-client-id") { Description = "Accept this Users API client id instead of minting a new one (with --users-client-secret)." };
        var usersClientSecret = new Option<string?>("--users-client-secret") { Description = "The secret of --users-client-id." };
        var printEnv = new Option<bool>("--print-env") { Description = "Write only the settings to standard output, as `export KEY='VALUE'` lines for a shell; the rest goes to standard error." };
        var envFile = new Option<FileInfo?>("--env-file") { Description = "Also write the settings as `export KEY='VALUE'` lines to this file (readable by you only), for `. FILE` in another shell." };
        var scenario = new ScenarioOptions(ScenarioPurpose.Simulator);
        var command = new Command(
            "simulator",
            "Serve a local stand-in for one 1Password account on 127.0.0.1: the Events API, a Connect server and the Users API, following the documented protocols, "
            + "with a seeded scenario (weeks of activity with planted anomalies, items with canary secret values). Prints the configuration to sync it "
            + "(base URLs, simulated tokens and the Users API client id and secret), then serves until Ctrl+C, SIGINT or SIGTERM. Never talks to 1Password.\n"
            + "Example: onepassword-graph simulator --port 18080 --connect-port 18081 --env-file ./simulator.env &  then, once the file exists: "
            + ". ./simulator.env && onepassword-graph sync\n"
            + "Exit codes: 0 stopped on request; 1 a port is taken or the env file cannot be written; 2 an option is invalid.")
        {
            port, connectPort, usersPort, eventsToken, connectToken, usersClientId, usersClientSecret, printEnv, envFile,
        };
        scenario.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var shutdown = ShutdownSignal.Listen(cancellationToken);
            var text = parse.GetValue(printEnv) ? error : output;
            var span = TimeSpan.FromDays(parse.GetValue(scenario.Days));
            var now = TimeProvider.System.GetUtcNow();
            SimulatedAccount simulated;
            try
            {
                simulated = await SimulatedAccount.StartAsync(
                    parse.GetValue(scenario.Seed), scenario.Purpose, parse.GetValue(scenario.Events), span, now, parse.GetValue(port), parse.GetValue(connectPort), parse.GetValue(usersPort),
                    new SimulatorTokens(parse.GetValue(eventsToken), parse.GetValue(connectToken), parse.GetValue(usersClientId), parse.GetValue(usersClientSecret)), shutdown.Token).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                await error.WriteLineAsync($"The simulator could not listen: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.StepFailed;
            }

            await using var _ = simulated;
            await text.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Simulated 1Password account (seed {parse.GetValue(scenario.Seed)}): {simulated.Activity.Events.Count} events over {span.TotalDays:0} days, "
                + $"{simulated.Inventory.Vaults.Count} vaults, {simulated.Inventory.Items.Count} items.")).ConfigureAwait(false);
            await text.WriteLineAsync("Sync it with these settings (the tokens are the simulator's, not 1Password tokens):").ConfigureAwait(false);
            var settings = SimulatorSettings.Of(simulated, BackfillStart(simulated.Activity, now - span));
            // The file first: whoever has read the exports on stdout may source the file at once (and stop us).
            if (parse.GetValue(envFile) is { } file)
            {
                try
                {
                    await SimulatorSettings.WriteEnvFileAsync(file, settings, shutdown.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await error.WriteLineAsync($"The simulator could not write {file.FullName}: {ex.Message}").ConfigureAwait(false);
                    return ExitCodes.StepFailed;
                }

                await text.WriteLineAsync($"Wrote the settings below to {file.FullName}: `. {file.FullName}` in another shell.").ConfigureAwait(false);
            }

            await output.WriteAsync(SimulatorSettings.AsExports(settings)).ConfigureAwait(false);
            await output.FlushAsync(shutdown.Token).ConfigureAwait(false);
            await text.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, shutdown.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
            {
                // Ctrl+C, SIGINT or SIGTERM: stop serving.
            }

            return ExitCodes.Succeeded;
        });
        return command;
    }

    /// <summary>
    /// A day before the scenario's earliest event: planted history (a dormant user's older activity) can lie before
    /// the span, and a backfill that starts later would miss it.
    /// </summary>
    internal static DateTimeOffset BackfillStart(ScenarioActivity activity, DateTimeOffset spanStart)
    {
        var earliest = activity.EarliestTimestamp is { } first && first < spanStart ? first : spanStart;
        return earliest - TimeSpan.FromDays(1);
    }
}
