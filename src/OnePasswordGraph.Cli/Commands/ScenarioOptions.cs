using System.CommandLine;

namespace OnePasswordGraph.Cli.Commands;

/// <summary>
/// The options that shape a simulated account's scenario, shared by <c>simulator</c> and <c>demo</c>, and the
/// scenario's purpose (which command it is for): the purpose feeds the identifiers with the seed, so the demo and the
/// simulator never produce the same uuids, even with the same seed, and can share one Neo4j.
/// </summary>
internal sealed class ScenarioOptions(string purpose)
{
    /// <summary>Gets the scenario purpose (<see cref="OnePasswordGraph.Simulator.Scenario.ScenarioPurpose"/>).</summary>
    public string Purpose { get; } = purpose;

    public Option<int> Seed { get; } = new("--seed")
    {
        Description = "Scenario seed: the same seed gives the same users, vaults, items and kinds of activity; its identifiers differ between demo and simulator.",
        DefaultValueFactory = _ => 42,
    };

    public Option<int> Events { get; } = Ranged("--events", "How many events the scenario holds, across the three streams.", 5000, 100, 1_000_000, string.Empty);

    public Option<int> Days { get; } = Ranged(
        "--days", "How many days of activity, ending now (the planted dormant users' older activity lies 50 days back).", 28, 1, 90, " (the simulator keeps 120 days)");

    public void AddTo(Command command)
    {
        command.Options.Add(Seed);
        command.Options.Add(Events);
        command.Options.Add(Days);
    }

    private static Option<int> Ranged(string name, string description, int defaultValue, int least, int most, string why)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < least || result.GetValueOrDefault<int>() > most)
            {
                result.AddError($"{name} must be between {least} and {most}{why}.");
            }
        });
        return option;
    }
}
