using System.Globalization;
using FluentAssertions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Tests.Resilience;

public sealed class TransientRetryTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger _logger = new();
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
        Backoffs().Should().HaveCount(2).And.OnlyContain(delay => delay >= TimeSpan.FromMilliseconds(1) && delay <= _options.MaxDelay);
        (_clock.GetUtcNow() - started).Should().BeGreaterThanOrEqualTo(Backoffs().Min(), "the retries must have waited on the clock");
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

        var started = _clock.GetUtcNow();

        await RunAsync(CreateSut().ExecuteAsync(
            _ => ++attempts == 1 ? throw new Failure(transient: true, TimeSpan.FromSeconds(17)) : Task.FromResult(0),
            CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(17), Assert.Single(Backoffs()));
        Assert.True(_clock.GetUtcNow() - started >= TimeSpan.FromSeconds(17), "the retry must have waited on the clock");
    }

    [Fact]
    public async Task ExecuteAsync_RetryAfterLongerThanMaxDelay_IsCapped()
    {
        var attempts = 0;

        await RunAsync(CreateSut().ExecuteAsync(
            _ => ++attempts == 1 ? throw new Failure(transient: true, TimeSpan.FromHours(1)) : Task.FromResult(0),
            CancellationToken.None));

        Assert.Equal(_options.MaxDelay, Assert.Single(Backoffs()));
    }

    [Fact]
    public async Task ExecuteAsync_DeadlinePasses_ReportsTheLastFailure()
    {
        _options.MaxRetryAttempts = 100;
        _options.Deadline = TimeSpan.FromSeconds(45);

        var run = () => RunAsync(CreateSut().ExecuteAsync<int>(_ => throw new Failure(transient: true), CancellationToken.None));

        await run.Should().ThrowExactlyAsync<RetryDeadlineExceededException>()
            .WithMessage("Gave up after 45 s of retries: still failing")
            .WithInnerExceptionExactly<RetryDeadlineExceededException, Failure>();
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
        Assert.False(task.IsCompleted);
        Assert.Single(Backoffs());

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(1, attempts);
    }

    private TransientRetry CreateSut() => new("Test", _options, _clock, _logger);

    // Each retry is logged with the backoff it waits, before it waits.
    private List<TimeSpan> Backoffs() =>
        [.. _logger.Collector.GetSnapshot()
            .Where(record => record.Id.Name == "RetryingTransientFailure")
            .Select(record => TimeSpan.FromMilliseconds(long.Parse(record.GetStructuredStateValue("DelayMs")!, CultureInfo.InvariantCulture)))];

    // Drives the fake clock in small steps until the call ends: a synchronous failure reaches its backoff's timer
    // before ExecuteAsync returns, so every step finds the timer it is meant to fire.
    private async Task<T> RunAsync<T>(Task<T> task)
    {
        for (var i = 0; i < 100_000 && !task.IsCompleted; i++)
        {
            _clock.Advance(Step);
            await Task.Yield();
        }

        return await task;
    }

    private sealed class Failure(bool transient, TimeSpan? retryAfter = null) : Exception("still failing"), ITransientFailure
    {
        public bool IsTransient => transient;

        public TimeSpan? RetryAfter => retryAfter;
    }
}
