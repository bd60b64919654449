using System.ComponentModel.DataAnnotations;

namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>When the worker syncs and how long an account's lease lasts. Bound from <c>Sync</c> (<c>Sync__Interval</c>, …).</summary>
public sealed class SyncOptions
{
    /// <summary>Gets or sets the time from the end of one run of an account to the start of the next.</summary>
    /// <value>The default value is 5 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "must be between 00:00:01 and 1.00:00:00 (for example 00:05:00)")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the most a run is delayed at random beyond <see cref="Interval"/> (and at start), so that workers
    /// and accounts do not all call 1Password at the same second.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "must be between 00:00:00 and 01:00:00 (for example 00:00:30)")]
    public TimeSpan Jitter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how long an account's lease lasts without renewal. A holder renews it at a third of this; a killed
    /// holder blocks the account for at most this long.
    /// </summary>
    /// <value>The default value is 2 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:03", "01:00:00", ErrorMessage = "must be between 00:00:03 and 01:00:00 (for example 00:02:00)")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets or sets how many accounts one worker syncs at the same time; the others wait their turn. Neo4j and the
    /// worker's cores are shared, so running every account at once makes each slower without making them all faster
    /// (see docs/scaling.md).
    /// </summary>
    /// <value>The default value is 4.</value>
    [Range(1, 256, ErrorMessage = "must be between 1 and 256 (for example 4)")]
    public int MaxConcurrentAccounts { get; set; } = 4;

    /// <summary>Gets or sets how long a shutdown waits for the page in flight to be written and the lease released.</summary>
    /// <value>The default value is 60 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00", ErrorMessage = "must be between 00:00:01 and 00:30:00 (for example 00:01:00)")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
