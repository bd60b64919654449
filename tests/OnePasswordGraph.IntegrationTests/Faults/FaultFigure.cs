using System.Globalization;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>One row of the fault suite's figures: what was done, how many processes ran, and what the graph held after.</summary>
internal sealed record FaultFigure(
    string Fault, int Runs, long EventsExpected, long EventsFound, long Duplicates, string ExitCodes, TimeSpan? TimeToRecover, string Notes)
{
    public const string Header =
        "| fault | runs | events expected | events found | duplicates | exit codes | time to recover | notes |\n" +
        "|---|---:|---:|---:|---:|---|---:|---|";

    public string ToMarkdown() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Fault} | {Runs} | {EventsExpected:N0} | {EventsFound:N0} | {Duplicates} | {ExitCodes} | {(TimeToRecover is { } t ? $"{t.TotalSeconds:0.0} s" : "–")} | {Notes} |");

    /// <summary>Summarises exit codes as "0 ×3, 137 ×5" in the order they first appeared.</summary>
    public static string Codes(IEnumerable<int> exitCodes) =>
        string.Join(", ", exitCodes.GroupBy(c => c).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} ×{g.Count()}")));

    /// <summary>Quotes a line of a process's output in a table cell: spaces collapsed, no column separators, at most 200 characters.</summary>
    public static string Quote(string line)
    {
        // A run summary's columns are padded with spaces; one is enough in a cell.
        var text = string.Join(' ', line.Replace("|", "/", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
