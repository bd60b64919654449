using System.CommandLine;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>simulator</c>: serves the 1Password Events API simulator on loopback with a seeded scenario.</summary>
internal static class SimulatorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        _ = error;
        var port = new Option<int>("--port") { Description = "Loopback port of the Events API simulator (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Scenario seed: the same seed gives the same users, vaults, items and events.", DefaultValueFactory = _ => 42 };
        var events = new Option<int>("--events") { Description = "How many events the scenario holds, across the three streams.", DefaultValueFactory = _ => 5000 };
        var days = new Option<int>("--days") { Description = "How many days of activity, ending now.", DefaultValueFactory = _ => 28 };
        var command = new Command(
            "simulator",
            "Serve a local stand-in for the 1Password Events API on 127.0.0.1, following the documented protocol, with a seeded scenario "
            + "(weeks of activity with planted anomalies). Prints the base URL and a token, then serves until interrupted. Never talks to 1Password.")
        {
            port, seed, events, days,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inventory = InventoryGenerator.Generate(parse.GetValue(seed));
            var now = TimeProvider.System.GetUtcNow();
            var activity = ActivityGenerator.Generate(inventory, parse.GetValue(seed), parse.GetValue(events), TimeSpan.FromDays(parse.GetValue(days)), now);
            await using var simulator = await EventsSimulator.StartAsync(new EventsSimulatorOptions { Port = parse.GetValue(port) }, cancellationToken).ConfigureAwait(false);
            simulator.Append(activity.Events);
            var token = simulator.AddToken(accountUuid: inventory.AccountUuid);
            await output.WriteLineAsync($"Events API simulator: {simulator.BaseUrl} ({activity.Events.Count} events over {parse.GetValue(days)} days, seed {parse.GetValue(seed)})").ConfigureAwait(false);
            await output.WriteLineAsync("Simulated token (not a real 1Password token):").ConfigureAwait(false);
            await output.WriteLineAsync(token.Token).ConfigureAwait(false);
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
}
