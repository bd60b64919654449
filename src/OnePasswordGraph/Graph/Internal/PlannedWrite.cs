namespace OnePasswordGraph.Graph.Internal;

/// <summary>The parts of one statement and the rows of each, in the order the statement writes them.</summary>
internal sealed record PlannedWrite(IReadOnlyList<WritePart> Parts, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public int RowCount => Rows.Sum(r => r.Count);
}
