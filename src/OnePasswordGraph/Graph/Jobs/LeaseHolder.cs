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
}
