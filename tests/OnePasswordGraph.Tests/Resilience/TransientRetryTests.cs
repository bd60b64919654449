using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.Tests.Resilience;

public sealed class TransientRetryTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly RetryOptions _options = new()
    {
        MaxRetryAttempts = 4,
        InitialDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
        Deadline = TimeSpan.FromMinutes(2),
    };

    [Fact]
    public async Task ExecuteAsync_TransientThenSuccess_RetriesAfterABackoff()
    {
        var attempts = 0;
        var started = _clock.GetUtcNow();

        var result = await RunAsync(CreateSut().ExecuteAsync(
            _ => ++attempts < 3 ? throw new Failure(transient: true) : Task.FromResult("done"), CancellationToken.None));

        Assert.Equal("done", result);
        Assert.Equal(3, attempts);
        var backoffs = _clock.CreatedTimerDueTimes.Where(d => d > TimeSpan.Zero && d != _options.Deadline).ToList();
        Assert.Equal(2, backoffs.Count);
        Assert.All(backoffs, delay => Assert.InRange(delay, TimeSpan.FromMilliseconds(1), _options.MaxDelay));
        Assert.True(_clock.GetUtcNow() - started >= backoffs.Min(), "the retries must have waited on the clock");
    }

    [Fact]
    public async Task ExecuteAsync_NotTransient_IsNotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<Failure>(() => RunAsync(CreateSut().ExecuteAsync<int>(
            _ => { attempts++; throw new Failure(transient: false); }, CancellationToken.None)));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ExecuteAsync_AlwaysTransient_GivesUpAfterMaxAttempts()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<Failure>(() => RunAsync(CreateSut().ExecuteAsync<int>(
            _ => { attempts++; throw new Failure(transient: true); }, CancellationToken.None)));

        Assert.Equal(_options.MaxRetryAttempts + 1, attempts);
    }

    [Fact]
    public async Task ExecuteAsync_RetryAfter_WaitsExactlyThatLong()
    {
        var attempts = 0;

        await RunAsync(CreateSut().ExecuteAsync(
            _ => ++attempts == 1 ? throw new Failure(transient: true, TimeSpan.FromSeconds(17)) : Task.FromResult(0),
            CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(17), Assert.Single(_clock.CreatedTimerDueTimes, d => d > TimeSpan.Zero && d != _options.Deadline));
    }

    [Fact]
    public async Task ExecuteAsync_RetryAfterLongerThanMaxDelay_IsCapped()
    {
        var attempts = 0;

        await RunAsync(CreateSut().ExecuteAsync(
            _ => ++attempts == 1 ? throw new Failure(transient: true, TimeSpan.FromHours(1)) : Task.FromResult(0),
            CancellationToken.None));

        Assert.Equal(_options.MaxDelay, Assert.Single(_clock.CreatedTimerDueTimes, d => d > TimeSpan.Zero && d != _options.Deadline));
    }

    [Fact]
    public async Task ExecuteAsync_DeadlinePasses_ReportsTheLastFailure()
    {
        _options.MaxRetryAttempts = 100;
        _options.Deadline = TimeSpan.FromSeconds(45);

        var error = await Assert.ThrowsAsync<RetryDeadlineExceededException>(() => RunAsync(CreateSut().ExecuteAsync<int>(
            _ => throw new Failure(transient: true), CancellationToken.None)));

        Assert.IsType<Failure>(error.InnerException);
        Assert.Equal("Gave up after 45 s of retries: still failing", error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_CallerCancelsDuringBackoff_StopsWithCancellation()
    {
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;
        var task = CreateSut().ExecuteAsync<int>(
            _ =>
            {
                attempts++;
                throw new Failure(transient: true);
            },
            cancellation.Token);
        await WaitForTimerAsync();

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(1, attempts);
    }

    private TransientRetry CreateSut() => new("Test", _options, _clock, NullLogger.Instance);

    // Drives the manual clock: the deadline's timer is always pending, so once a second timer (a backoff) is waiting,
    // jump to the earliest of them.
    private async Task<T> RunAsync<T>(Task<T> task)
    {
        for (var i = 0; i < 100_000 && !task.IsCompleted; i++)
        {
            if (_clock.PendingTimers < 2 || !_clock.AdvanceToNextTimer())
            {
                await Task.Yield();
            }
        }

        return await task;
    }

    private async Task WaitForTimerAsync()
    {
        for (var i = 0; i < 100_000 && _clock.PendingTimers < 2; i++)
        {
            await Task.Yield();
        }

        Assert.Equal(2, _clock.PendingTimers);
    }

    private sealed class Failure(bool transient, TimeSpan? retryAfter = null) : Exception("still failing"), ITransientFailure
    {
        public bool IsTransient => transient;

        public TimeSpan? RetryAfter => retryAfter;
    }
}
