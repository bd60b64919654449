using System.Globalization;

namespace OnePasswordGraph.Benchmarks;

/// <summary>
/// CPU seconds a process has used (user and system, from /proc), so a phase's figures say whether the client or
/// Neo4j was busy: on a machine with few cores the two compete, and only the client's share can be overlapped.
/// </summary>
internal static class CpuTime
{
    // Linux reports utime and stime in clock ticks, 100 per second on every common kernel configuration.
    private const double TicksPerSecond = 100;

    /// <summary>The process's CPU seconds, or null when it is gone or /proc cannot be read.</summary>
    public static double? Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // The command name (field 2) is in parentheses and may hold spaces; fields are counted after it.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The CPU seconds of the Neo4j that <c>scripts/neo4j.sh</c> started in <c>NEO4J_DIR</c>, or null when it is not
    /// known; a phase's share is the difference of two readings.
    /// </summary>
    public static double? Neo4jSeconds()
    {
        var dir = Environment.GetEnvironmentVariable("NEO4J_DIR");
        var file = dir is null ? null : Path.Combine(dir, "run", "console.pid");
        return file is not null && File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var pid) ? Seconds(pid) : null;
    }
}
