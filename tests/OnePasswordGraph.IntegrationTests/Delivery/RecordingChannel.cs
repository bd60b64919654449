using System.Collections.Concurrent;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.IntegrationTests.Delivery;

/// <summary>A channel that records what it was given and behaves as the test says (throw, wait) before accepting.</summary>
internal sealed class RecordingChannel(string name, AlertSeverity minSeverity = AlertSeverity.Info, Func<AlertMessage, int, Task>? behaviour = null) : IAlertChannel
{
    private readonly ConcurrentQueue<string> _delivered = new();
    private int _attempts;

    public string Name => name;

    public IReadOnlyList<string> Delivered => [.. _delivered];

    public int Attempts => _attempts;

    public bool Accepts(AlertMessage alert) => alert.Severity >= minSeverity;

    public async Task DeliverAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (behaviour is not null)
        {
            await behaviour(alert, attempt);
        }

        _delivered.Enqueue(alert.Fingerprint);
    }
}
