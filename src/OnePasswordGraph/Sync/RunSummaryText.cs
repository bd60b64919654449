using System.Globalization;
using System.Text;
using System.Text.Json;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Sync;

/// <summary>Renders a run summary as one log line and as the JSON stored on the sync-state node.</summary>
public static class RunSummaryText
{
    public static string Describe(SyncRunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return string.Join("; ", summary.Steps.Select(step =>
        {
            var counts = step.CountsByType.Count == 0 ? string.Empty : " " + string.Join(", ", step.CountsByType.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
            var error = step.Error is null ? string.Empty : $" ({step.Error})";
            return string.Create(CultureInfo.InvariantCulture, $"{step.StepId} {step.Status} in {step.Duration.TotalMilliseconds:0} ms{counts}{error}");
        }));
    }

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
    public static IReadOnlyList<string> FailuresInJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. steps.EnumerateArray()
                .Where(step => step.TryGetProperty("status", out var status) && status.GetString() is not (nameof(StepStatus.Success) or nameof(StepStatus.Skipped)))
                .Select(step => $"{Text(step, "id")}: {(step.TryGetProperty("error", out _) ? Text(step, "error") : Text(step, "status"))}")];
        }
        catch (JsonException)
        {
            return [];
        }
    }

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
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "?";
}
