using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Resilience;

/// <summary>A call kept failing transiently until its retry deadline passed.</summary>
public sealed class RetryDeadlineExceededException : OnePasswordGraphException
{
    public RetryDeadlineExceededException(TimeSpan deadline, Exception lastFailure)
        : base($"Gave up after {deadline.TotalSeconds:0.#} s of retries: {lastFailure?.Message}", lastFailure)
    {
        Deadline = deadline;
    }

    public TimeSpan Deadline { get; }
}
