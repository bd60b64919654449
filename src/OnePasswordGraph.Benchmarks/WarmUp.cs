using System.Globalization;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Benchmarks;

/// <summary>
/// Warms Neo4j's JVM before anything is measured: the sync and the plain loader each write a small scenario of their
/// own, which is then removed. Without it the phase that runs first pays the JIT's compilation (on the development
/// machine the sync's 200,000-event backfill spent 34 CPU seconds in Neo4j's C2 compiler, the plain loader after it
/// almost none), which a long-running production server paid once and long ago.
/// </summary>
internal static class WarmUp
{
    private const string Account = "benchmark-warm-up";
    private const string LabelPrefix = "warm_";

    public static async Task RunAsync(IReadOnlyDictionary<string, string> syncEnvironment, BenchmarkNeo4j neo4j, int seed, int events, BenchmarkReport report)
    {
        var now = TimeProvider.System.GetUtcNow();

        // Another seed, so no person's node is shared with the measured scenario's and removing them takes nothing of it.
        var inventory = InventoryGenerator.Generate(seed + 1000, now: now);
        var activity = ActivityGenerator.Generate(inventory, seed + 1000, events, TimeSpan.FromDays(30), now);
        await using var simulator = await EventsSimulator.StartAsync(new EventsSimulatorOptions(), CancellationToken.None);
        simulator.Append(activity.Events);
        var token = simulator.AddToken(accountUuid: inventory.AccountUuid).Token;
        var start = now.AddDays(-31);

        var environment = syncEnvironment.Where(e => !e.Key.StartsWith("OnePassword__", StringComparison.Ordinal)).ToDictionary(e => e.Key, e => e.Value);
        environment["OnePassword__Accounts__0__Name"] = Account;
        environment["OnePassword__Accounts__0__Events__BaseUrl"] = simulator.BaseUrl.ToString();
        environment["OnePassword__Accounts__0__Events__Token"] = token;
        environment["OnePassword__Accounts__0__BackfillStartTime"] = start.ToString("o", CultureInfo.InvariantCulture);
        var sync = await SyncProcess.RunAsync(environment, ["sync"], null, CancellationToken.None);
        if (sync.ExitCode != 0)
        {
            Console.WriteLine(sync.Output);
            throw new InvalidOperationException($"The warm-up sync failed with exit code {sync.ExitCode}.");
        }

        await PlainLoader.InstallAsync(neo4j, LoaderShape.Plain, LabelPrefix, CancellationToken.None);
        await new PlainLoader(neo4j, simulator.BaseUrl, token, start, LoaderShape.Plain, LabelPrefix).LoadAsync(new ProgressSamples(), new ProgressSamples(), CancellationToken.None);

        var removed = await RemoveAsync(neo4j);
        report.Line($"warm-up: {events} other events synced ({sync.Elapsed.TotalSeconds:0.0} s) and loaded by the plain loader, then removed ({removed} nodes), before anything is measured");
    }

    private static async Task<long> RemoveAsync(BenchmarkNeo4j neo4j)
    {
        var labels = string.Join(" OR ", PlainLoader.Labels(LabelPrefix).Select(label => $"n:{label}"));
        long removed = 0;
        while (true)
        {
            // Chunks keep each transaction small; the sync stamps every node it writes for the account with it.
            var chunk = await neo4j.ScalarAsync(
                $"MATCH (n) WHERE n.account = '{Account}' OR {labels} WITH n LIMIT 10000 DETACH DELETE n RETURN count(*)", CancellationToken.None);
            removed += chunk;
            if (chunk == 0)
            {
                break;
            }
        }

        foreach (var label in PlainLoader.Labels(LabelPrefix))
        {
            await neo4j.RunAsync($"DROP CONSTRAINT ON (n:{label}) ASSERT n._key IS UNIQUE", null, CancellationToken.None);
        }

        return removed;
    }
}
