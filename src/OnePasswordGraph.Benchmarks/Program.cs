using System.Globalization;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Benchmarks;

/// <summary>
/// Backfills a seeded simulator scenario into the Neo4j named by NEO4J_URL/NEO4J_USER/NEO4J_PASSWORD twice, side by
/// side in one run: with the real <c>onepassword-graph sync</c> process and then with <see cref="PlainLoader"/>, the
/// simplest correct loader of the same events, in its two <see cref="LoaderShape"/>s; prints the rates and ratios, the rates over the first and last
/// 20% of the backfill, the sync's peak memory and Events API requests, a caught-up poll, the graph's size and the
/// alert pack's time (over the last day, the first pass over the whole history, then the next pass), after warming Neo4j up with another
/// scenario (<see cref="WarmUp"/>). Usage: OnePasswordGraph.Benchmarks [--events 200000] [--seed 1] [--baseline | --no-baseline] [--no-alerts] [--warm-up 30000].
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchmarkOptions.Parse(args);
        var now = TimeProvider.System.GetUtcNow();
        var inventory = InventoryGenerator.Generate(options.Seed, now: now);
        var activity = ActivityGenerator.Generate(inventory, options.Seed, options.Events, TimeSpan.FromDays(90), now);
        var report = new BenchmarkReport();
        report.Line($"scenario: {activity.Events.Count} events ({string.Join(", ", activity.CountsByFeature.Select(c => $"{c.Key}={c.Value}"))}), seed {options.Seed}");
        report.Line($"machine: {Environment.ProcessorCount} cores, load average at start {BenchmarkReport.LoadAverage()}");

        await using var simulator = await EventsSimulator.StartAsync(new EventsSimulatorOptions(), CancellationToken.None);
        simulator.Append(activity.Events);
        var token = simulator.AddToken(accountUuid: inventory.AccountUuid).Token;
        var neo4jUrl = Environment.GetEnvironmentVariable("NEO4J_URL") ?? "http://127.0.0.1:7474";
        using var neo4j = new BenchmarkNeo4j(new Uri(neo4jUrl), Environment.GetEnvironmentVariable("NEO4J_USER") ?? "neo4j", Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? string.Empty);
        var backfillStart = now.AddDays(-100);

        var syncEnvironment = new Dictionary<string, string>
        {
            ["OnePassword__Events__BaseUrl"] = simulator.BaseUrl.ToString(),
            ["OnePassword__Events__Token"] = token,
            ["OnePassword__BackfillStartTime"] = backfillStart.ToString("o", CultureInfo.InvariantCulture),
            ["Neo4j__Url"] = neo4jUrl,
            ["Neo4j__User"] = Environment.GetEnvironmentVariable("NEO4J_USER") ?? "neo4j",
            ["Neo4j__Password"] = Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? string.Empty,
            ["Logging__LogLevel__Default"] = "Warning",

            // The sync's rate is measured without the rules; the pack is timed on its own below.
            ["Alerts__Enabled"] = "false",
        };
        if (options.WarmUpEvents > 0)
        {
            await WarmUp.RunAsync(syncEnvironment, neo4j, options.Seed, options.WarmUpEvents, report);
        }

        double? syncRate = null;
        if (options.RunSync)
        {
            syncRate = await SyncBenchmark.RunAsync(syncEnvironment, neo4j, simulator, activity.Events.Count, Usages(activity), report);
            if (syncRate is null)
            {
                return 1;
            }
        }

        if (options.RunBaseline)
        {
            var plain = await LoaderBenchmark.RunAsync(neo4j, simulator.BaseUrl, token, backfillStart, LoaderShape.Plain, Usages(activity), report);
            var sameModel = await LoaderBenchmark.RunAsync(neo4j, simulator.BaseUrl, token, backfillStart, LoaderShape.SameModel, Usages(activity), report);
            if (syncRate is { } sync)
            {
                report.Line($"ratio sync/plain loader: {sync / plain:0.00} (target at least 0.9)");
                report.Line($"ratio sync/plain loader of the same model: {sync / sameModel:0.00} (no target: the part of the gap that is the sync's statement rather than what the model writes)");
            }
        }

        // Last: Neo4j 3.1 cannot cancel the statements of a pass that is stopped, so nothing may come after it.
        if (options.RunSync && options.RunAlerts)
        {
            await AlertPackBenchmark.RunAsync(syncEnvironment, report);
        }

        report.PrintSummary();
        return 0;
    }

    private static int Usages(ScenarioActivity activity) => activity.CountsByFeature.GetValueOrDefault("itemusages");
}
