using Microsoft.Extensions.Logging;
using OnePasswordGraph.Resilience.Internal;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OnePasswordGraph.Resilience;

/// <summary>
/// The one place where calls to remote systems are retried. Clients never loop on their own: they classify each
/// failure at the edge (<see cref="ITransientFailure"/>) and the caller runs the call through this pipeline, which
/// retries transient failures with capped exponential backoff and jitter, honours a requested delay such as
/// <c>Retry-After</c>, and gives up at a deadline.
/// </summary>
public sealed class TransientRetry
{
    private readonly ResiliencePipeline _pipeline;
    private readonly RetryOptions _options;

    public TransientRetry(string remoteName, RetryOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = remoteName };
        builder.AddTimeout(options.Deadline);
        builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
            MaxRetryAttempts = options.MaxRetryAttempts,
            Delay = options.InitialDelay,
            MaxDelay = options.MaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            DelayGenerator = args => new ValueTask<TimeSpan?>(RequestedDelay(args.Outcome.Exception)),
            OnRetry = args =>
            {
                RetryLog.RetryingTransientFailure(
                    logger,
                    remoteName,
                    args.AttemptNumber + 1,
                    (long)args.RetryDelay.TotalMilliseconds,
                    args.Outcome.Exception?.Message ?? "unknown failure");
                return default;
            },
        });
        _pipeline = builder.Build();
    }

    /// <summary>Returns whether the pipeline would retry <paramref name="exception"/>.</summary>
    public static bool IsTransient(Exception exception) => exception is ITransientFailure { IsTransient: true };

    /// <summary>Runs <paramref name="call"/>, retrying its transient failures.</summary>
    /// <exception cref="RetryDeadlineExceededException">The deadline passed before a call succeeded.</exception>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        Exception? lastFailure = null;
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    try
                    {
                        return await call(token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (IsTransient(ex))
                    {
                        lastFailure = ex;
                        throw;
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RetryDeadlineExceededException(_options.Deadline, lastFailure ?? ex);
        }
    }

    /// <summary>Runs <paramref name="call"/>, retrying its transient failures.</summary>
    public Task ExecuteAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        ExecuteAsync<bool>(
            async token =>
            {
                await call(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    private TimeSpan? RequestedDelay(Exception? exception) =>
        exception is ITransientFailure { RetryAfter: { } requested }
            ? requested < _options.MaxDelay ? requested : _options.MaxDelay
            : null;
}
