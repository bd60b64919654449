using System.ComponentModel.DataAnnotations;

namespace OnePasswordGraph.Resilience;

/// <summary>How transient failures of a remote system are retried.</summary>
public sealed class RetryOptions
{
    /// <summary>Gets or sets how many times a failed call is retried after the first attempt.</summary>
    /// <value>The default value is 6.</value>
    [Range(0, 100)]
    public int MaxRetryAttempts { get; set; } = RetryDefaults.MaxRetryAttempts;

    /// <summary>Gets or sets the delay before the first retry; later delays double, with jitter.</summary>
    /// <value>The default value is 1 second.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan InitialDelay { get; set; } = RetryDefaults.InitialDelay;

    /// <summary>Gets or sets the longest single delay between attempts, a <c>Retry-After</c> included.</summary>
    /// <value>The default value is 60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = RetryDefaults.MaxDelay;

    /// <summary>
    /// Gets or sets the total time one call may take across all its attempts and delays. When it passes, the attempt
    /// in flight is cancelled and the last failure is reported.
    /// </summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Deadline { get; set; } = RetryDefaults.Deadline;
}
