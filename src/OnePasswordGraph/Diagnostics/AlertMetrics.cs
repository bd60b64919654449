using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OnePasswordGraph.Diagnostics;

/// <summary>
/// The alert rules' metrics, on the <c>OnePasswordGraph</c> meter (<see cref="SyncMetrics.MeterName"/>): new findings
/// by rule and severity (what an operator alerts on), failed rules, how long each rule takes, and deliveries to the alert channels.
/// </summary>
public sealed class AlertMetrics
{
    public const string NewFindingsInstrument = "onepassword_graph.alerts.new_findings";
    public const string RuleFailuresInstrument = "onepassword_graph.alerts.rule_failures";
    public const string RuleDurationInstrument = "onepassword_graph.alerts.rule_duration";
    public const string DeliveriesInstrument = "onepassword_graph.alerts.deliveries";

    private readonly Counter<long> _newFindings;
    private readonly Counter<long> _ruleFailures;
    private readonly Histogram<double> _ruleDuration;
    private readonly Counter<long> _deliveries;

    public AlertMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(SyncMetrics.MeterName);
        _newFindings = meter.CreateCounter<long>(NewFindingsInstrument, "{finding}", "Findings raised for the first time, per account, rule and severity.");
        _ruleFailures = meter.CreateCounter<long>(RuleFailuresInstrument, "{rule}", "Rule evaluations that failed, per account and rule.");
        _ruleDuration = meter.CreateHistogram<double>(RuleDurationInstrument, "s", "Duration of one rule's evaluation and store, per rule.");
        _deliveries = meter.CreateCounter<long>(DeliveriesInstrument, "{finding}", "Findings handed to an alert channel, per account, channel and outcome (delivered, failed, skipped).");
    }

    /// <summary>Counts one new finding.</summary>
    public void NewFinding(string account, string ruleId, string severity) =>
        _newFindings.Add(1, new TagList { { "account", account }, { "rule", ruleId }, { "severity", severity } });

    /// <summary>Records one rule's evaluation.</summary>
    public void RuleEvaluated(string account, string ruleId, bool failed, TimeSpan duration)
    {
        _ruleDuration.Record(duration.TotalSeconds, new TagList { { "rule", ruleId }, { "outcome", failed ? "failed" : "succeeded" } });
        if (failed)
        {
            _ruleFailures.Add(1, new TagList { { "account", account }, { "rule", ruleId } });
        }
    }

    /// <summary>Counts one finding handed to a channel: <paramref name="outcome"/> is delivered, failed or skipped.</summary>
    public void Delivery(string account, string channel, string outcome) =>
        _deliveries.Add(1, new TagList { { "account", account }, { "channel", channel }, { "outcome", outcome } });
}
