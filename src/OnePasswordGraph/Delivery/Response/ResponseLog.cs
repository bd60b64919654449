using Microsoft.Extensions.Logging;

namespace OnePasswordGraph.Delivery.Response;

internal static partial class ResponseLog
{
    [LoggerMessage(EventId = 9501, EventName = "ResponseActed", Level = LogLevel.Warning,
        Message = "Account {Account}: {Action} user {UserUuid} ({Trigger}): {Result}")]
    public static partial void Acted(ILogger logger, string account, string action, string userUuid, string trigger, string result);

    [LoggerMessage(EventId = 9502, EventName = "ResponseDryRun", Level = LogLevel.Information,
        Message = "Account {Account}: dry run, would {Action} user {UserUuid} ({Trigger}); set Alerts__Response__SuspendUser__DryRun=false to act")]
    public static partial void DryRun(ILogger logger, string account, string action, string userUuid, string trigger);

    [LoggerMessage(EventId = 9503, EventName = "ResponseSkipped", Level = LogLevel.Warning,
        Message = "Account {Account}: did not {Action} user {UserUuid} ({Trigger}): {Reason}")]
    public static partial void Skipped(ILogger logger, string account, string action, string userUuid, string trigger, string reason);

    [LoggerMessage(EventId = 9504, EventName = "ResponseNotAUser", Level = LogLevel.Warning,
        Message = "Account {Account}: finding {Fingerprint} of rule {RuleId} does not flag a user first ({Flagged}); the suspend-user response does nothing")]
    public static partial void NotAUser(ILogger logger, string account, string fingerprint, string ruleId, string flagged);

    [LoggerMessage(EventId = 9505, EventName = "ResponseFailed", Level = LogLevel.Error,
        Message = "Account {Account}: {Action} user {UserUuid} ({Trigger}) failed: {Reason}")]
    public static partial void Failed(ILogger logger, string account, string action, string userUuid, string trigger, string reason);
}
