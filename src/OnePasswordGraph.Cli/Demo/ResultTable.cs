using System.Collections;
using System.Globalization;
using System.Text;
using OnePasswordGraph.Graph;

namespace OnePasswordGraph.Cli.Demo;

/// <summary>
/// Renders query results as a plain-text table for a terminal: columns aligned, long values cut, lists joined, and
/// epoch-millisecond columns (named <c>…At</c>) shown as UTC times.
/// </summary>
internal static class ResultTable
{
    private const int MaxWidth = 48;

    public static string Render(CypherResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Rows.Count == 0)
        {
            return "  (no rows)\n";
        }

        var cells = result.Rows.Select(row => row.Select((value, i) => Cell(result.Columns[i], value)).ToList()).ToList();
        var widths = result.Columns.Select((column, i) => Math.Max(column.Length, cells.Max(row => row[i].Length))).ToList();
        var text = new StringBuilder();
        AppendRow(text, result.Columns, widths);
        AppendRow(text, widths.Select(w => new string('-', w)).ToList(), widths);
        foreach (var row in cells)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string> row, List<int> widths)
    {
        text.Append(' ');
        for (var i = 0; i < row.Count; i++)
        {
            text.Append(' ').Append(i == row.Count - 1 ? row[i] : row[i].PadRight(widths[i]));
        }

        text.Append('\n');
    }

    private static string Cell(string column, object? value)
    {
        var shown = value switch
        {
            null => "-",
            long ms when column.EndsWith("At", StringComparison.Ordinal) =>
                DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            string s => s,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            IEnumerable list => string.Join(", ", list.Cast<object?>().Select(item => Cell(string.Empty, item))),
            _ => value.ToString() ?? "-",
        };
        shown = shown.ReplaceLineEndings(" ");
        return shown.Length <= MaxWidth ? shown : string.Concat(shown.AsSpan(0, MaxWidth - 1), "…");
    }
}
