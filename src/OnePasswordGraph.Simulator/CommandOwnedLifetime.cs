using Microsoft.Extensions.Hosting;

namespace OnePasswordGraph.Simulator;

/// <summary>
/// Replaces the Generic Host's console lifetime in the simulated servers. That lifetime takes SIGINT and SIGTERM for
/// itself and only asks the (never awaited) host to stop, so a process serving a simulator ignored Ctrl+C; the command
/// that starts a simulator owns the process's signals and disposes the servers.
/// </summary>
internal sealed class CommandOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
