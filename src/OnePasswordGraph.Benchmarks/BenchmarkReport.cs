using System.Globalization;

namespace OnePasswordGraph.Benchmarks;

/// <summary>Prints figures as they come and repeats them together at the end, where a reader of a long run looks.</summary>
internal sealed class BenchmarkReport
{
    private readonly List<string> _lines = [];

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public void Line(FormattableString line)
    {
        var text = line.ToString(CultureInfo.InvariantCulture);
        _lines.Add(text);
        Console.WriteLine(text);
    }

    public void PrintSummary()
    {
        Console.WriteLine();
        Console.WriteLine("== summary ==");
        foreach (var line in _lines)
        {
            Console.WriteLine(line);
        }
    }
}
