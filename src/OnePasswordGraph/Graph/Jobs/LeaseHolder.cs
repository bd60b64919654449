using System.Diagnostics;
using System.Globalization;

namespace OnePasswordGraph.Graph.Jobs;

/// <summary>
/// Names a lease holder so that an operator reading the lease node knows which process to look for. The random
/// suffix keeps two holders in one process (two workers in a test host) apart: a lease is re-entrant for its holder.
/// </summary>
public static class LeaseHolder
{
    public static string Create(string command) =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}:{command}:{Guid.NewGuid().ToString("N")[..6]}");

    /// <summary>
    /// Tells whether <paramref name="holder"/> names a process of this host that no longer runs (it was killed), so what
    /// it holds can be taken over at once instead of after its expiry. A holder of another host is never judged gone.
    /// </summary>
    public static bool IsGoneLocally(string? holder)
    {
        var parts = holder?.Split(':');
        if (parts is not { Length: >= 2 } || !string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var processId))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
