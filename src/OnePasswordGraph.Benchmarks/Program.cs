using System.Diagnostics;
using System.Globalization;
using OnePasswordGraph.Simulator.Events;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Benchmarks;

/// <summary>
/// Backfills a seeded simulator scenario into the Neo4j named by NEO4J_URL/NEO4J_USER/NEO4J_PASSWORD with the real
/// <c>onepassword-graph sync</c> process, and prints events per second, requests made and the sync process's peak
/// memory; then times the whole alert pack over the graph (<c>alerts run</c>). Usage: OnePasswordGraph.Benchmarks
/// [events=200000] [seed=1].
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var now = TimeProvider.System.GetUtcNow();
        var generation = Stopwatch.StartNew();
        var inventory = InventoryGenerator.Generate(seed, now: now);
        var activity = ActivityGenerator.Generate(inventory, seed, count, TimeSpan.FromDays(90), now);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scenario: {activity.Events.Count} events ({string.Join(", ", activity.CountsByFeature.Select(c => $"{c.Key}={c.Value}"))}) generated in {generation.Elapsed.TotalSeconds:0.0} s"));

        await using var simulator = await EventsSimulator.StartAsync(new EventsSimulatorOptions(), CancellationToken.None);
        simulator.Append(activity.Events);
        var token = simulator.AddToken(accountUuid: inventory.AccountUuid).Token;

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "onepassword-graph.dll"));
        start.ArgumentList.Add("sync");
        start.Environment["OnePassword__Events__BaseUrl"] = simulator.BaseUrl.ToString();
        start.Environment["OnePassword__Events__Token"] = token;
        start.Environment["OnePassword__BackfillStartTime"] = now.AddDays(-100).ToString("o", CultureInfo.InvariantCulture);
        start.Environment["Neo4j__Url"] = Environment.GetEnvironmentVariable("NEO4J_URL") ?? "http://127.0.0.1:7474";
        start.Environment["Neo4j__User"] = Environment.GetEnvironmentVariable("NEO4J_USER") ?? "neo4j";
        start.Environment["Neo4j__Password"] = Environment.GetEnvironmentVariable("NEO4J_PASSWORD") ?? string.Empty;
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // The sync's rate is measured without the rules; the pack is timed on its own below.
        start.Environment["Alerts__Enabled"] = "false";

        var clock = Stopwatch.StartNew();
        using var sync = Process.Start(start)!;
        var output = sync.StandardOutput.ReadToEndAsync();
        var errors = sync.StandardError.ReadToEndAsync();
        long peakKb = 0;
        using var sampler = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (!sync.HasExited && await sampler.WaitForNextTickAsync())
        {
            peakKb = Math.Max(peakKb, PeakResidentKb(sync.Id));
        }

        await sync.WaitForExitAsync();
        var elapsed = clock.Elapsed;
        Console.WriteLine(await output);
        Console.Error.WriteLine(await errors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sync exit code: {sync.ExitCode}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events: {activity.Events.Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duration: {elapsed.TotalSeconds:0.0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events per second: {activity.Events.Count / elapsed.TotalSeconds:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Events API requests: {simulator.Requests.Count}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sync process peak memory (VmHWM): {peakKb / 1024.0:0.0} MiB"));
        return sync.ExitCode != 0 ? sync.ExitCode : await TimeAlertPackAsync(start);
    }

    private static async Task<int> TimeAlertPackAsync(ProcessStartInfo sync)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(sync.ArgumentList[0]);
        foreach (var argument in new[] { "alerts", "run", "--since", "120d", "--format", "json" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in new[] { "Neo4j__Url", "Neo4j__User", "Neo4j__Password", "Logging__LogLevel__Default" })
        {
            start.Environment[key] = sync.Environment[key];
        }

        var clock = Stopwatch.StartNew();
        using var alerts = Process.Start(start)!;
        var output = alerts.StandardOutput.ReadToEndAsync();
        var errors = alerts.StandardError.ReadToEndAsync();
        await alerts.WaitForExitAsync();
        var findings = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Console.Error.WriteLine(await errors);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alert pack over the graph: {clock.Elapsed.TotalSeconds:0.0} s (process included), {findings} findings, exit code {alerts.ExitCode}"));
        return alerts.ExitCode;
    }

    private static long PeakResidentKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
