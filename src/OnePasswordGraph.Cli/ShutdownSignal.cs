using System.Runtime.InteropServices;

namespace OnePasswordGraph.Cli;

/// <summary>
/// Turns SIGINT and SIGTERM into a cancellation instead of an immediate exit, so that a one-shot command finishes
/// the page in flight and releases its lease. The worker gets the same from the Generic Host.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly PosixSignalRegistration[] _registrations;

    private ShutdownSignal(CancellationToken outer)
    {
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _cancellation.Token;

    public static ShutdownSignal Listen(CancellationToken outer) => new(outer);

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        _cancellation.Cancel();
    }
}
