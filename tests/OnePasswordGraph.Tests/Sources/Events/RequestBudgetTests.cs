using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.Tests.Sources.Events;

public sealed class RequestBudgetTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task AcquireAsync_WithinBudget_DoesNotWait()
    {
        using var budget = new RequestBudget(perMinute: 3, perHour: 100, _clock);

        for (var i = 0; i < 3; i++)
        {
            await budget.AcquireAsync(CancellationToken.None);
        }

        Assert.Equal(0, _clock.PendingTimers);
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
        Assert.Equal(TimeSpan.FromSeconds(50), _clock.CreatedTimerDueTimes[^1]);
        _clock.Advance(TimeSpan.FromSeconds(50));
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
        Assert.Equal(TimeSpan.FromMinutes(45), _clock.CreatedTimerDueTimes[^1]);
        _clock.Advance(TimeSpan.FromMinutes(45));
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
