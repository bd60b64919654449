using System.Globalization;

namespace OnePasswordGraph.Sync;

/// <summary>Names a lease holder so that an operator reading the lease node knows which process to look for.</summary>
public static class LeaseHolder
{
    public static string ForThisProcess(string command) =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{Environment.ProcessId}:{command}");
}
