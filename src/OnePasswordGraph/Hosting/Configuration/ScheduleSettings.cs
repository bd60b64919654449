namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>Validated <see cref="SyncOptions"/>.</summary>
public sealed record ScheduleSettings(TimeSpan Interval, TimeSpan Jitter, TimeSpan LeaseDuration, TimeSpan ShutdownTimeout, int MaxConcurrentAccounts = 4)
{
    public static ScheduleSettings Default { get; } = From(new SyncOptions());

    internal static ScheduleSettings From(SyncOptions options) => new(options.Interval, options.Jitter, options.LeaseDuration, options.ShutdownTimeout, options.MaxConcurrentAccounts);
}
