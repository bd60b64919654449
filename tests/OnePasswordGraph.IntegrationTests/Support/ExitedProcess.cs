using System.Diagnostics;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>The id of a process of this host that has exited, as a killed holder of a lease or claim leaves behind.</summary>
internal static class ExitedProcess
{
    public static async Task<int> IdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }
}
