using Microsoft.Extensions.Logging;

namespace OnePasswordGraph.Resilience.Internal;

internal static partial class RetryLog
{
    [LoggerMessage(EventId = 1001, EventName = "RetryingTransientFailure", Level = LogLevel.Warning,
        Message = "{RemoteName} call failed transiently; attempt {Attempt} in {DelayMs} ms: {Reason}")]
    public static partial void RetryingTransientFailure(ILogger logger, string remoteName, int attempt, long delayMs, string reason);
}
