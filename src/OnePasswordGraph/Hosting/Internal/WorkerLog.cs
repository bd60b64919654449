using Microsoft.Extensions.Logging;

namespace OnePasswordGraph.Hosting.Internal;

internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 7001, EventName = "WorkerStarted", Level = LogLevel.Information,
        Message = "Worker started: {AccountCount} account(s), every {Interval} plus up to {Jitter} jitter")]
    public static partial void Started(ILogger logger, int accountCount, TimeSpan interval, TimeSpan jitter);

    [LoggerMessage(EventId = 7002, EventName = "WorkerStopped", Level = LogLevel.Information, Message = "Worker stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(EventId = 7003, EventName = "RunFailed", Level = LogLevel.Warning,
        Message = "Account {Account}: sync failed: {Reason}. Retrying at {NextRun:u}; the same failure is not logged again until it changes")]
    public static partial void RunFailed(ILogger logger, string account, string reason, DateTimeOffset nextRun);

    [LoggerMessage(EventId = 7004, EventName = "StillFailing", Level = LogLevel.Debug,
        Message = "Account {Account}: sync failed again for the same reason ({Failures} runs in a row); next run at {NextRun:u}")]
    public static partial void StillFailing(ILogger logger, string account, int failures, DateTimeOffset nextRun);

    [LoggerMessage(EventId = 7005, EventName = "Recovered", Level = LogLevel.Information,
        Message = "Account {Account}: sync succeeded again after {Failures} failed run(s)")]
    public static partial void Recovered(ILogger logger, string account, int failures);

    [LoggerMessage(EventId = 7006, EventName = "LeaseBusy", Level = LogLevel.Information,
        Message = "Account {Account}: {Holder} holds its lease until {ExpiresOn:u} unless it renews it; skipped until the next interval")]
    public static partial void LeaseBusy(ILogger logger, string account, string holder, DateTimeOffset? expiresOn);
}
