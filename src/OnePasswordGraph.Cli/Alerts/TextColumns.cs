using System.Text;

namespace OnePasswordGraph.Cli.Alerts;

/// <summary>Aligns rows under a header for a terminal; the last column is left ragged so long text does not pad every line.</summary>
internal static class TextColumns
{
    public static string Render(string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append("  ").AppendJoin("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).Append('\n');
        }

        return text.ToString();
    }
}
