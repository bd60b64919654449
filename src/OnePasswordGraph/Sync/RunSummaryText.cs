using System.Globalization;
using System.Text;
using System.Text.Json;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Sync;

/// <summary>Renders a run summary as one log line and as the JSON stored on the sync-state node.</summary>
public static class RunSummaryText
{
    public static string Describe(SyncRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var steps = summary.Steps.Select(step =>
        {
            var counts = step.CountsByType.Count == 0 ? string.Empty : ", " + Counts(step.CountsByType);
            var error = step.Error is null ? string.Empty : $" ({step.Error})";
            return string.Create(CultureInfo.InvariantCulture, $"{step.StepId} {step.Status} in {step.Duration.TotalMilliseconds:0} ms{counts}{error}");
        });
        var quarantined = Quarantined(summary);
        var withQuarantine = quarantined == 0
            ? steps
            : steps.Append(string.Create(CultureInfo.InvariantCulture, $"quarantined: {quarantined} malformed events kept as {OnePasswordNodeTypes.QuarantinedEvent.Type} nodes, the rest of their pages written (see the warnings)"));
        var conflicts = summary.AccountConflicts == 0
            ? withQuarantine
            : withQuarantine.Append(string.Create(CultureInfo.InvariantCulture, $"account conflicts: {summary.AccountConflicts} writes skipped, their nodes belong to another account (see the warnings)"));
        var parts = summary.Alerts is { } alerts ? conflicts.Append(Describe(alerts)) : conflicts;
        return string.Join("; ", summary.Delivery is { } delivery ? parts.Append(Describe(delivery)) : parts);
    }

    /// <summary>Gets how many malformed events the run's stream steps put in the quarantine.</summary>
    public static long Quarantined(SyncRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Steps.Sum(step => step.CountsByType.GetValueOrDefault(OnePasswordNodeTypes.QuarantinedEvent.Type));
    }

    /// <summary>The delivery part of a run summary, e.g. <c>delivery: jsonl 2 delivered, webhook failed (…), 2 owed</c>.</summary>
    public static string Describe(DeliveryRunSummary delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var channels = delivery.Channels.Select(c => c.Failed
            ? string.Create(CultureInfo.InvariantCulture, $"{c.Channel} failed ({c.Error}), {c.Delivered} delivered, {c.Remaining} owed")
            : string.Create(CultureInfo.InvariantCulture, $"{c.Channel} {c.Delivered} delivered"));
        return "delivery: " + string.Join(", ", channels);
    }

    /// <summary>
    /// A step's counts, e.g. <c>rows written: one_password_user=932, …</c>. They count rows, one per record that
    /// touched the type: 932 events by 40 users write 932 user rows into 40 nodes, so they are never called nodes.
    /// </summary>
    public static string Counts(IReadOnlyDictionary<string, long> countsByType)
    {
        ArgumentNullException.ThrowIfNull(countsByType);
        return "rows written: " + string.Join(", ", countsByType.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key}={c.Value}")));
    }

    /// <summary>
    /// The alert part of a run summary, e.g. <c>alerts: 31 rules, 2 new findings (high 1, medium 1), 1 rule failed (x: …),
    /// 6.9 s (slowest: a 2.1 s, b 1.4 s, c 1.2 s)</c>.
    /// </summary>
    public static string Describe(AlertRunSummary alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var bySeverity = alerts.NewFindings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
            .Select(g => g.Key.Word() + " " + g.Count().ToString(CultureInfo.InvariantCulture)).ToList();
        var failed = alerts.FailedRules.Select(r => $"{r.RuleId}: {r.Error}").ToList();
        var severities = bySeverity.Count == 0 ? string.Empty : " (" + string.Join(", ", bySeverity) + ")";
        var failures = failed.Count == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", {failed.Count} rules failed ({string.Join("; ", failed)})");
        return string.Create(CultureInfo.InvariantCulture, $"alerts: {alerts.Rules.Count} rules, {alerts.NewFindings.Count} new findings{severities}{failures}, {Cost(alerts.Duration, Slowest(alerts))}");
    }

    // The pack's time grows with each account's activity and with every rule a team adds; naming the rules that take
    // most of it tells an operator which to tune or disable (Alerts__Rules__<id>__Enabled=false) before a worker falls behind.
    private const int SlowestShown = 3;

    private static IEnumerable<(string RuleId, TimeSpan Duration)> Slowest(AlertRunSummary alerts) =>
        alerts.Rules.Count < 2 ? [] : alerts.Rules.OrderByDescending(r => r.Duration).Take(SlowestShown).Select(r => (r.RuleId, r.Duration));

    private static string Cost(TimeSpan duration, IEnumerable<(string RuleId, TimeSpan Duration)> slowest)
    {
        var rules = string.Join(", ", slowest.Select(r => $"{r.RuleId} {Seconds(r.Duration)}"));
        return Seconds(duration) + (rules.Length == 0 ? string.Empty : $" (slowest: {rules})");
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture);


    /// <summary>The failed steps and their errors, e.g. <c>auditevents: 401 …; items: vault V1 …</c>; empty when none failed.</summary>
    public static string Failures(SyncRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return string.Join("; ", summary.Steps
            .Where(step => step.Status is not (StepStatus.Success or StepStatus.Skipped))
            .Select(step => $"{step.StepId}: {step.Error ?? step.Status.ToString()}"));
    }

    /// <summary>
    /// The failed steps of a summary stored by <see cref="Json"/>, as <c>step: error</c>; empty when none failed or when
    /// the text is not such a summary (a node written by another version, say).
    /// </summary>
    public static IReadOnlyList<string> FailuresInJson(string? json) =>
        ReadSection(json, "steps", JsonValueKind.Array, steps => [.. steps.EnumerateArray()
            .Where(step => step.TryGetProperty("status", out var status) && status.GetString() is not (nameof(StepStatus.Success) or nameof(StepStatus.Skipped)))
            .Select(step => $"{Text(step, "id")}: {(step.TryGetProperty("error", out _) ? Text(step, "error") : Text(step, "status"))}")]);

    public static string Json(SyncRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("runId", summary.RunId);
            writer.WriteString("startedAt", summary.StartedAt);
            writer.WriteNumber("durationMs", (long)summary.Duration.TotalMilliseconds);
            writer.WriteStartArray("steps");
            foreach (var step in summary.Steps)
            {
                writer.WriteStartObject();
                writer.WriteString("id", step.StepId);
                writer.WriteString("status", step.Status.ToString());
                writer.WriteNumber("durationMs", (long)step.Duration.TotalMilliseconds);
                writer.WriteStartObject("counts");
                foreach (var (type, count) in step.CountsByType.OrderBy(c => c.Key, StringComparer.Ordinal))
                {
                    writer.WriteNumber(type, count);
                }

                writer.WriteEndObject();
                if (step.Error is not null)
                {
                    writer.WriteString("error", step.Error);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("accountConflicts", summary.AccountConflicts);
            writer.WriteNumber("quarantinedEvents", Quarantined(summary));
            if (summary.Alerts is { } alerts)
            {
                WriteAlerts(writer, alerts);
            }

            if (summary.Delivery is { } delivery)
            {
                WriteDelivery(writer, delivery);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The alert lines of a summary stored by <see cref="Json"/>: the new findings (severity, rule, summary) and the
    /// failed rules; empty when the rules did not run or the text is not such a summary.
    /// </summary>
    public static IReadOnlyList<string> AlertsInJson(string? json) =>
        ReadSection(json, "alerts", JsonValueKind.Object, alerts =>
        {
            var cost = alerts.TryGetProperty("durationMs", out var duration) && duration.ValueKind == JsonValueKind.Number && duration.TryGetInt64(out var ms)
                ? ", " + Cost(TimeSpan.FromMilliseconds(ms), SlowestInJson(alerts))
                : string.Empty;
            var lines = new List<string> { $"{Number(alerts, "rules")} rules ran, {Number(alerts, "newFindings")} new findings{cost}" };
            if (alerts.TryGetProperty("new", out var created) && created.ValueKind == JsonValueKind.Array)
            {
                lines.AddRange(created.EnumerateArray().Select(f => $"new {Text(f, "severity")} {Text(f, "ruleId")}: {Text(f, "summary")}"));
            }

            if (alerts.TryGetProperty("failed", out var failed) && failed.ValueKind == JsonValueKind.Array)
            {
                lines.AddRange(failed.EnumerateArray().Select(r => $"rule failed {Text(r, "ruleId")}: {Text(r, "error")}"));
            }

            return lines;
        });

    // A summary written by another version, or not a summary at all, reads as nothing rather than failing `status`.
    private static IReadOnlyList<string> ReadSection(string? json, string section, JsonValueKind kind, Func<JsonElement, IReadOnlyList<string>> read)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(section, out var value) && value.ValueKind == kind
                ? read(value)
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // At most this many new findings are kept in the stored summary; the alert nodes hold all of them.
    private const int StoredFindings = 20;

    private static void WriteAlerts(Utf8JsonWriter writer, AlertRunSummary alerts)
    {
        writer.WriteStartObject("alerts");
        writer.WriteNumber("rules", alerts.Rules.Count);
        writer.WriteNumber("newFindings", alerts.NewFindings.Count);
        writer.WriteNumber("durationMs", (long)alerts.Duration.TotalMilliseconds);
        writer.WriteStartArray("slowest");
        foreach (var (ruleId, duration) in Slowest(alerts))
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", ruleId);
            writer.WriteNumber("durationMs", (long)duration.TotalMilliseconds);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("new");
        foreach (var finding in alerts.NewFindings.OrderByDescending(f => f.Severity).Take(StoredFindings))
        {
            writer.WriteStartObject();
            writer.WriteString("fingerprint", finding.Fingerprint);
            writer.WriteString("ruleId", finding.RuleId);
            writer.WriteString("severity", finding.Severity.Word());
            writer.WriteString("summary", finding.Summary);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("failed");
        foreach (var rule in alerts.FailedRules)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", rule.RuleId);
            writer.WriteString("error", rule.Error);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteDelivery(Utf8JsonWriter writer, DeliveryRunSummary delivery)
    {
        writer.WriteStartArray("delivery");
        foreach (var channel in delivery.Channels)
        {
            writer.WriteStartObject();
            writer.WriteString("channel", channel.Channel);
            writer.WriteNumber("delivered", channel.Delivered);
            writer.WriteNumber("skipped", channel.Skipped);
            writer.WriteNumber("owed", channel.Remaining);
            if (channel.Error is not null)
            {
                writer.WriteString("error", channel.Error);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static List<(string RuleId, TimeSpan Duration)> SlowestInJson(JsonElement alerts) =>
        alerts.TryGetProperty("slowest", out var slowest) && slowest.ValueKind == JsonValueKind.Array
            ? slowest.EnumerateArray()
                .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("durationMs", out var ms) && ms.ValueKind == JsonValueKind.Number)
                .Select(r => (Text(r, "ruleId"), TimeSpan.FromMilliseconds(r.GetProperty("durationMs").GetDouble())))
                .ToList()
            : [];

    private static string Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64().ToString(CultureInfo.InvariantCulture) : "?";

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";
}
