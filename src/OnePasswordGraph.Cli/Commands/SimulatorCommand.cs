using System.CommandLine;
using System.Globalization;
using OnePasswordGraph.Simulator;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>simulator</c>: serves a simulated 1Password account (Events API and Connect) on loopback with a seeded scenario.</summary>
internal static class SimulatorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        _ = error;
        var port = new Option<int>("--port") { Description = "Loopback port of the Events API simulator (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var connectPort = new Option<int>("--connect-port") { Description = "Loopback port of the Connect simulator (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var usersPort = new Option<int>("--users-port") { Description = "Loopback port of the Users API simulator (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var scenario = new ScenarioOptions(ScenarioPurpose.Simulator);
        var command = new Command(
            "simulator",
            "Serve a local stand-in for one 1Password account on 127.0.0.1: the Events API, a Connect server and the Users API, following the documented protocols, "
            + "with a seeded scenario (weeks of activity with planted anomalies, items with canary secret values). Prints the configuration to sync it "
            + "(base URLs, simulated tokens and the Users API client id and secret), then serves until interrupted. Never talks to 1Password.")
        {
            port, connectPort, usersPort,
        };
        scenario.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var span = TimeSpan.FromDays(parse.GetValue(scenario.Days));
            var now = TimeProvider.System.GetUtcNow();
            await using var simulated = await SimulatedAccount.StartAsync(
                parse.GetValue(scenario.Seed), scenario.Purpose, parse.GetValue(scenario.Events), span, now, parse.GetValue(port), parse.GetValue(connectPort), parse.GetValue(usersPort), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Simulated 1Password account (seed {parse.GetValue(scenario.Seed)}): {simulated.Activity.Events.Count} events over {span.TotalDays:0} days, "
                + $"{simulated.Inventory.Vaults.Count} vaults, {simulated.Inventory.Items.Count} items.")).ConfigureAwait(false);
            await output.WriteLineAsync("Sync it with these settings (the tokens are the simulator's, not 1Password tokens):").ConfigureAwait(false);
            await output.WriteLineAsync($"OnePassword__Events__BaseUrl={simulated.Events.BaseUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"OnePassword__Events__Token={simulated.EventsToken}").ConfigureAwait(false);
            await output.WriteLineAsync($"OnePassword__Connect__BaseUrl={simulated.Connect.BaseUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"OnePassword__Connect__Token={simulated.ConnectToken}").ConfigureAwait(false);
            await output.WriteLineAsync($"OnePassword__Users__BaseUrl={simulated.Users.BaseUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"OnePassword__Users__ClientId={simulated.UsersClientId}").ConfigureAwait(false);
            await output.WriteLineAsync($"OnePassword__Users__ClientSecret={simulated.UsersClientSecret}").ConfigureAwait(false);
            await output.WriteLineAsync($"OnePassword__BackfillStartTime={BackfillStart(simulated.Activity, now - span).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}")
                .ConfigureAwait(false);
            await output.WriteLineAsync("Press Ctrl+C to stop.").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop serving.
            }

            return 0;
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
