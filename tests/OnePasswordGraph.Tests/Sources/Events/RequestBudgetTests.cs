using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.Tests.Sources.Events;

public sealed class RequestBudgetTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void AcquireAsync_WithinBudget_DoesNotWait()
    {
        using var budget = new RequestBudget(perMinute: 3, perHour: 100, _clock);

        var acquired = Enumerable.Range(0, 3).Select(_ => budget.AcquireAsync(CancellationToken.None)).ToList();

        Assert.All(acquired, slot => Assert.True(slot.IsCompletedSuccessfully));
    }

    [Fact]
    public async Task AcquireAsync_MinuteSpent_WaitsUntilTheOldestRequestLeavesTheWindow()
    {
        using var budget = new RequestBudget(perMinute: 2, perHour: 100, _clock);
        await budget.AcquireAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await budget.AcquireAsync(CancellationToken.None);

        var third = budget.AcquireAsync(CancellationToken.None);

        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(50) - Tick);
        Assert.False(third.IsCompleted);
        _clock.Advance(Tick);
        await third;
    }

    [Fact]
    public async Task AcquireAsync_HourSpent_WaitsForTheHourWindow()
    {
        using var budget = new RequestBudget(perMinute: 10, perHour: 3, _clock);
        for (var i = 0; i < 3; i++)
        {
            await budget.AcquireAsync(CancellationToken.None);
            _clock.Advance(TimeSpan.FromMinutes(5));
        }

        var fourth = budget.AcquireAsync(CancellationToken.None);

        Assert.False(fourth.IsCompleted);
        _clock.Advance(TimeSpan.FromMinutes(45) - Tick);
        Assert.False(fourth.IsCompleted);
        _clock.Advance(Tick);
        await fourth;
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_Throws()
    {
        using var budget = new RequestBudget(perMinute: 1, perHour: 100, _clock);
        await budget.AcquireAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource();

        var waiting = budget.AcquireAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
