using OnePasswordGraph.Cli.Report;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Tests.Cli.Report;

/// <summary>Findings with a small neighbourhood for the report's unit tests.</summary>
internal static class ReportSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    public static ReportFinding Finding(string fingerprint, AlertSeverity severity, string summary = "Ann exported 3 items", string ruleId = "export-burst") => new(
        fingerprint,
        ruleId,
        "Export burst",
        severity,
        summary,
        Now.AddHours(-1),
        [
            new(fingerprint, "one_password_alert", "Export burst"),
            new("u1", "one_password_user", "ann@example.com"),
            new("e1", "one_password_item_usage_event", "export"),
            new("e2", "one_password_item_usage_event", "export"),
            new("s1", "one_password_secret", "Payroll"),
            new("v1", "one_password_vault", "Finance"),
        ],
        [
            new(fingerprint, "u1", "FLAGS"),
            new(fingerprint, "e1", "FLAGS"),
            new(fingerprint, "e2", "FLAGS"),
            new("u1", "e1", "PERFORMED"),
            new("e1", "s1", "ACCESSED"),
            new("v1", "s1", "HAS"),
        ]);
}
