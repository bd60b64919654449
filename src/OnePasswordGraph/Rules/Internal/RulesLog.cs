using Microsoft.Extensions.Logging;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>The alert rules' log messages (event ids 8001-8099).</summary>
internal static partial class RulesLog
{
    [LoggerMessage(EventId = 8001, EventName = "UrgentFinding", Level = LogLevel.Warning,
        Message = "New {Severity} finding of rule {RuleId} in account {Account}: {Summary} (alert {Fingerprint})")]
    public static partial void UrgentFinding(ILogger logger, string severity, string ruleId, string account, string summary, string fingerprint);

    [LoggerMessage(EventId = 8002, EventName = "NewFinding", Level = LogLevel.Information,
        Message = "New {Severity} finding of rule {RuleId} in account {Account}: {Summary} (alert {Fingerprint})")]
    public static partial void NewFinding(ILogger logger, string severity, string ruleId, string account, string summary, string fingerprint);

    [LoggerMessage(EventId = 8003, EventName = "RuleFailed", Level = LogLevel.Warning,
        Message = "Alert rule {RuleId} failed in account {Account}; the other rules ran and its window will be evaluated again next time: {Error}")]
    public static partial void RuleFailed(ILogger logger, string ruleId, string account, string error);

    [LoggerMessage(EventId = 8004, EventName = "RuleEvaluated", Level = LogLevel.Debug,
        Message = "Alert rule {RuleId} in account {Account} since {Since:o}: {Rows} findings, {NewFindings} new, in {DurationMs} ms")]
    public static partial void RuleEvaluated(ILogger logger, string ruleId, string account, DateTimeOffset since, int rows, int newFindings, long durationMs);

    // Information when something is new or failed; an idle run's alert part is already in the sync's RunFinished line.
    [LoggerMessage(EventId = 8005, EventName = "AlertRunFinished",
        Message = "Alert rules ran in account {Account}: {RuleCount} rules, {NewFindings} new findings, {FailedRules} failed, in {DurationMs} ms")]
    public static partial void RunFinished(ILogger logger, LogLevel level, string account, int ruleCount, int newFindings, int failedRules, long durationMs);

    [LoggerMessage(EventId = 8006, EventName = "RuleSkipped", Level = LogLevel.Warning,
        Message = "Alert rule skipped, fix it to run it: {Source}: {Problem}")]
    public static partial void RuleSkipped(ILogger logger, string source, string problem);

    [LoggerMessage(EventId = 8007, EventName = "EvaluationSliced", Level = LogLevel.Debug,
        Message = "Alert rule {RuleId} in account {Account} evaluates {Events} events since {Since:u} in {Slices} slices (Alerts__MaxEventsPerEvaluation)")]
    public static partial void EvaluationSliced(ILogger logger, string ruleId, string account, DateTimeOffset since, long events, int slices);
}
