namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>New events reaching the simulated accounts while a scenario runs, a batch per account each second, until stopped.</summary>
internal sealed class EventArrivals : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private EventArrivals(IReadOnlyList<FaultAccount> accounts, int perSecond) => _loop = RunAsync(accounts, perSecond, _stop.Token);

    public int Batches { get; private set; }

    public static EventArrivals Start(int perSecond, params FaultAccount[] accounts) => new(accounts, perSecond);

    /// <summary>Stops the arrivals; the accounts' ground truth then holds every event appended.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(IReadOnlyList<FaultAccount> accounts, int perSecond, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            // The timer paces the arrivals, as a live account's people do; nothing waits on it.
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var account in accounts)
                {
                    account.AppendArrivals(perSecond);
                }

                Batches++;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }
}
