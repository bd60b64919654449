using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Graph;

/// <summary>A write was refused before any statement was sent, because it does not fit the declared schema.</summary>
public sealed class GraphValidationException : OnePasswordGraphException
{
    public GraphValidationException(IReadOnlyList<string> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems)
    {
        const int Shown = 10;
        var more = problems.Count > Shown ? $"{Environment.NewLine}… and {problems.Count - Shown} more." : string.Empty;
        return $"The write does not fit the graph schema; nothing was written:{Environment.NewLine}- "
            + string.Join(Environment.NewLine + "- ", problems.Take(Shown)) + more;
    }
}
