using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OnePasswordGraph.Benchmarks;

/// <summary>One run of the real <c>onepassword-graph</c> CLI, with its peak resident memory and CPU time sampled from /proc.</summary>
internal static partial class SyncProcess
{
    /// <summary>Runs the CLI; past <paramref name="limit"/> it is killed and its exit code is -1.</summary>
    public static async Task<(int ExitCode, string Output, TimeSpan Elapsed, double PeakMiB, double CpuSeconds)> RunAsync(
        IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments, Func<Task>? onTick, CancellationToken cancellationToken, TimeSpan? limit = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "onepassword-graph.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        long peakKb = 0;

        // Sampled like the memory: what the last quarter second before the exit used is missing.
        double cpu = 0;
        using var sampler = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (!process.HasExited && await sampler.WaitForNextTickAsync(cancellationToken))
        {
            peakKb = Math.Max(peakKb, PeakResidentKb(process.Id));
            cpu = CpuTime.Seconds(process.Id) ?? cpu;
            if (clock.Elapsed > limit)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(cancellationToken);
                return (-1, await output, clock.Elapsed, peakKb / 1024.0, cpu);
            }

            if (onTick is not null)
            {
                await onTick();
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        var elapsed = clock.Elapsed;
        var error = await errors;
        if (error.Length > 0)
        {
            await Console.Error.WriteLineAsync(error);
        }

        return (process.ExitCode, await output, elapsed, peakKb / 1024.0, cpu);
    }

    /// <summary>The run's own duration from the summary line <c>Account …: sync … succeeded in 0.4 s</c>.</summary>
    public static double? InProcessSeconds(string output) =>
        RunLine().Match(output) is { Success: true } match ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@": sync \S+ (?:succeeded|had failures) in ([0-9.]+) s")]
    private static partial Regex RunLine();

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
