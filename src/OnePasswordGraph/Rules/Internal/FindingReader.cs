using System.Globalization;
using OnePasswordGraph.Graph;

namespace OnePasswordGraph.Rules.Internal;

/// <summary>Turns a rule's result rows into findings, checking the columns the rule contract requires.</summary>
internal static class FindingReader
{
    public static readonly IReadOnlyList<string> Columns = ["flagged", "evidence", "summary", "occurredOn", "dedupKey"];

    /// <exception cref="RuleResultException">The rule returned rows that do not follow the contract.</exception>
    public static IReadOnlyList<Finding> Read(AlertRule rule, string account, CypherResult result)
    {
        var missing = Columns.Where(c => !result.Columns.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new RuleResultException(rule.Id, $"returned the columns [{string.Join(", ", result.Columns)}] but must return {string.Join(", ", Columns)} (missing: {string.Join(", ", missing)})");
        }

        // Two rows of one finding (same dedup key) are one finding: the newest row speaks for it.
        return [.. result.Records()
            .Select(row => Finding(rule, account, row))
            .GroupBy(f => f.Fingerprint, StringComparer.Ordinal)
            .Select(g => g.MaxBy(f => f.OccurredOn)!)];
    }

    private static Finding Finding(AlertRule rule, string account, IReadOnlyDictionary<string, object?> row)
    {
        var dedupKey = Text(row["dedupKey"]) ?? throw new RuleResultException(rule.Id, "returned a row whose dedupKey is null");
        var occurredOn = row["occurredOn"] switch
        {
            long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
            double ms when double.IsFinite(ms) => DateTimeOffset.FromUnixTimeMilliseconds((long)ms),
            var other => throw new RuleResultException(rule.Id, $"returned a row whose occurredOn is {Text(other) ?? "null"}, not epoch milliseconds"),
        };
        var summary = OneLine(Text(row["summary"]) ?? rule.Name);
        return new Finding(
            FindingFingerprint.Of(rule.Id, account, dedupKey), rule.Id, rule.Name, rule.Severity, account, summary, occurredOn, dedupKey,
            Keys(rule, row["flagged"], "flagged"), [.. Keys(rule, row["evidence"], "evidence").Take(Rules.Finding.MaxEvidence)]);
    }

    private static List<string> Keys(AlertRule rule, object? value, string column) => value switch
    {
        null => [],
        IEnumerable<object?> list => [.. list.Select(Text).OfType<string>().Distinct(StringComparer.Ordinal)],
        _ => throw new RuleResultException(rule.Id, $"returned a row whose {column} is not a list of keys"),
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 500 ? line : line[..499] + "…";
    }
}
