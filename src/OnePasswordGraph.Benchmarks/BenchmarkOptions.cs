using System.Globalization;

namespace OnePasswordGraph.Benchmarks;

/// <summary>
/// <c>--events N</c> (200,000), <c>--seed N</c> (1), <c>--baseline</c> (the plain loaders alone) or
/// <c>--no-baseline</c> (the sync alone), <c>--no-alerts</c> (skip timing the alert pack), <c>--warm-up N</c> (events
/// each loader writes and removes before anything is measured, 30,000; 0 for none); a bare number is the event count.
/// </summary>
internal sealed record BenchmarkOptions(int Events, int Seed, bool RunSync, bool RunBaseline, bool RunAlerts, int WarmUpEvents)
{
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(200_000, 1, RunSync: true, RunBaseline: true, RunAlerts: true, WarmUpEvents: 30_000);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--events" => options with { Events = Number(args, ++i) },
                "--seed" => options with { Seed = Number(args, ++i) },
                "--baseline" => options with { RunSync = false },
                "--no-baseline" => options with { RunBaseline = false },
                "--no-alerts" => options with { RunAlerts = false },
                "--warm-up" => options with { WarmUpEvents = Number(args, ++i) },
                var bare when int.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var count) => options with { Events = count },
                var other => throw new ArgumentException($"Unknown option '{other}'. Options: --events N, --seed N, --baseline, --no-baseline, --no-alerts, --warm-up N."),
            };
        }

        return options;
    }

    private static int Number(IReadOnlyList<string> args, int index) =>
        index < args.Count ? int.Parse(args[index], CultureInfo.InvariantCulture) : throw new ArgumentException($"{args[index - 1]} needs a number.");
}
