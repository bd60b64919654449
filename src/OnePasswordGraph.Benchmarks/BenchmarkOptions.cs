using System.Globalization;

namespace OnePasswordGraph.Benchmarks;

/// <summary>
/// <c>--events N</c> (200,000), <c>--seed N</c> (1), <c>--baseline</c> (the plain loader alone) or
/// <c>--no-baseline</c> (the sync alone), <c>--no-alerts</c> (skip timing the alert pack); a bare number is the event count.
/// </summary>
internal sealed record BenchmarkOptions(int Events, int Seed, bool RunSync, bool RunBaseline, bool RunAlerts)
{
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(200_000, 1, RunSync: true, RunBaseline: true, RunAlerts: true);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--events" => options with { Events = Number(args, ++i) },
                "--seed" => options with { Seed = Number(args, ++i) },
                "--baseline" => options with { RunSync = false },
                "--no-baseline" => options with { RunBaseline = false },
                "--no-alerts" => options with { RunAlerts = false },
                var bare when int.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var count) => options with { Events = count },
                var other => throw new ArgumentException($"Unknown option '{other}'. Options: --events N, --seed N, --baseline, --no-baseline, --no-alerts."),
            };
        }

        return options;
    }

    private static int Number(IReadOnlyList<string> args, int index) =>
        index < args.Count ? int.Parse(args[index], CultureInfo.InvariantCulture) : throw new ArgumentException($"{args[index - 1]} needs a number.");
}
