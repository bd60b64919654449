namespace OnePasswordGraph.Benchmarks;

/// <summary>Runs one <see cref="PlainLoader"/> shape over the scenario beside the sync's graph and prints its figures.</summary>
internal static class LoaderBenchmark
{
    /// <summary>Returns the loader's events per second.</summary>
    public static async Task<double> RunAsync(BenchmarkNeo4j neo4j, Uri eventsApi, string token, DateTimeOffset backfillStart, LoaderShape shape, int usages, BenchmarkReport report)
    {
        // Beside the sync's graph, which the alert pack reads later: the loader's labels are its own, and the stores
        // fit Neo4j's page cache on the benchmark machine.
        await PlainLoader.InstallAsync(neo4j, shape, shape.LabelPrefix, CancellationToken.None);
        var progress = new ProgressSamples();
        var usageProgress = new ProgressSamples();
        var loader = new PlainLoader(neo4j, eventsApi, token, backfillStart, shape, shape.LabelPrefix);
        var neo4jCpuBefore = CpuTime.Neo4jSeconds();
        var written = await loader.LoadAsync(progress, usageProgress, CancellationToken.None);
        var neo4jCpu = CpuTime.Neo4jSeconds() - neo4jCpuBefore;
        var (seconds, rate) = progress.Overall();
        var (first, last) = progress.EdgeRates(written);
        var (usageFirst, usageLast) = usageProgress.EdgeRates(usages);
        report.Line($"{shape.Name}: {written} events in {seconds:0.0} s, {rate:0} events/s; first 20% {first:0} events/s, last 20% {last:0} events/s; item usages first 20% {usageFirst:0} events/s, last 20% {usageLast:0} events/s; load average {BenchmarkReport.LoadAverage()}");
        if (neo4jCpu is { } server)
        {
            report.Line($"{shape.Name} CPU: {server:0.0} s in Neo4j ({server / seconds:0.00} cores on average)");
        }

        return rate;
    }
}
