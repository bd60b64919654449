using OnePasswordGraph.Simulator.Events;

namespace OnePasswordGraph.Benchmarks;

/// <summary>The real sync's half of the benchmark: the backfill, a caught-up poll and the graph's size.</summary>
internal static class SyncBenchmark
{
    private const string WrittenQuery = "MATCH (s:one_password_sync_state) WHERE s.eventsWritten IS NOT NULL RETURN sum(s.eventsWritten)";
    private const string UsagesQuery = "MATCH (s:one_password_sync_state {stream: 'itemusages'}) WHERE s.eventsWritten IS NOT NULL RETURN sum(s.eventsWritten)";

    /// <summary>Returns the backfill's events per second, or null when the sync failed.</summary>
    public static async Task<double?> RunAsync(
        IReadOnlyDictionary<string, string> environment, BenchmarkNeo4j neo4j, EventsSimulator simulator, int events, int usages, BenchmarkReport report)
    {
        var progress = new ProgressSamples();
        var usageProgress = new ProgressSamples();
        var ticks = 0;
        var neo4jCpuBefore = CpuTime.Neo4jSeconds();
        var backfill = await SyncProcess.RunAsync(environment, ["sync"], async () =>
        {
            // Once a second: the checkpoint of each stream counts the events written with it.
            if (++ticks % 4 == 0)
            {
                var written = await neo4j.ScalarAsync(WrittenQuery, CancellationToken.None);
                progress.Add(written);
                usageProgress.Add(await neo4j.ScalarAsync(UsagesQuery, CancellationToken.None), usages);

                // A line a minute, so that a long run that is stopped still leaves its figures.
                if (ticks % 240 == 0)
                {
                    Console.WriteLine(FormattableString.Invariant($"progress: {written} of {events} events written after {ticks / 4} s; load average {BenchmarkReport.LoadAverage()}"));
                }
            }
        }, CancellationToken.None);
        var neo4jCpu = CpuTime.Neo4jSeconds() - neo4jCpuBefore;
        progress.Add(await neo4j.ScalarAsync(WrittenQuery, CancellationToken.None));
        var requests = simulator.Requests.Count;
        Console.WriteLine(backfill.Output);
        if (backfill.ExitCode != 0)
        {
            report.Line($"sync failed with exit code {backfill.ExitCode}");
            return null;
        }

        var rate = events / backfill.Elapsed.TotalSeconds;
        var (first, last) = progress.EdgeRates(events);
        report.Line($"sync backfill: {events} events in {backfill.Elapsed.TotalSeconds:0.0} s (process start to exit), {rate:0} events/s; first 20% {first:0} events/s, last 20% {last:0} events/s (last/first {last / first:0.00}, target at least 0.85); load average {BenchmarkReport.LoadAverage()}");
        var (usageFirst, usageLast) = usageProgress.EdgeRates(usages);
        report.Line($"sync item usages (the stream with the USED aggregate): first 20% {usageFirst:0} events/s, last 20% {usageLast:0} events/s (last/first {usageLast / usageFirst:0.00})");
        report.Line($"sync CPU: {backfill.CpuSeconds:0.0} s in the sync process ({backfill.CpuSeconds / backfill.Elapsed.TotalSeconds:0.00} cores on average), {(neo4jCpu is { } server ? FormattableString.Invariant($"{server:0.0} s in Neo4j ({server / backfill.Elapsed.TotalSeconds:0.00} cores)") : "Neo4j's unknown (set NEO4J_DIR)")}");
        report.Line($"sync peak memory (VmHWM): {backfill.PeakMiB:0.0} MiB (target at most 250)");
        report.Line($"Events API requests: {requests} for {events} events, events/1000 = {events / 1000.0:0.0}");

        var poll = await SyncProcess.RunAsync(environment, ["sync"], null, CancellationToken.None);
        report.Line($"caught-up poll of three streams: {SyncProcess.InProcessSeconds(poll.Output):0.00} s in process, {poll.Elapsed.TotalSeconds:0.0} s with process start-up, {simulator.Requests.Count - requests} requests, exit code {poll.ExitCode} (target under 1 s)");

        var nodes = await neo4j.ScalarAsync("MATCH (n) RETURN count(n)", CancellationToken.None);
        var relationships = await neo4j.ScalarAsync("MATCH ()-[r]->() RETURN count(r)", CancellationToken.None);
        var store = StoreBytes();
        report.Line($"graph: {nodes} nodes, {relationships} relationships, store {(store is { } bytes ? $"{bytes / 1048576.0:0.0} MiB" : "unknown (set NEO4J_DIR)")}");

        return rate;
    }

    // The store on disk (Neo4j's graph.db), when the script says where the server lives.
    private static long? StoreBytes()
    {
        var dir = Environment.GetEnvironmentVariable("NEO4J_DIR");
        var store = dir is null ? null : Path.Combine(dir, "data", "databases", "graph.db");
        return store is not null && Directory.Exists(store)
            ? new DirectoryInfo(store).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
            : null;
    }
}
