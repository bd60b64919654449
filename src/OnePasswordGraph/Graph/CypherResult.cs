namespace OnePasswordGraph.Graph;

/// <summary>
/// The rows one statement returned. Values are <see langword="null"/>, <see cref="string"/>, <see cref="bool"/>,
/// <see cref="long"/>, <see cref="double"/>, <see cref="IReadOnlyList{T}"/> of values, or
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/> of values (nodes come back as their property maps).
/// </summary>
public sealed record CypherResult(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Gets the value of <paramref name="column"/> in row <paramref name="row"/>.</summary>
    public object? Value(int row, string column)
    {
        var index = IndexOf(column);
        return Rows[row][index];
    }

    /// <summary>Gets the single integer a statement such as <c>RETURN count(*) AS c</c> returned.</summary>
    public long SingleLong(string column) =>
        Rows.Count == 1 && Value(0, column) is long value
            ? value
            : throw new InvalidOperationException($"Expected one row with an integer '{column}', got {Rows.Count} rows.");

    /// <summary>Gets the rows as dictionaries keyed by column name.</summary>
    public IEnumerable<IReadOnlyDictionary<string, object?>> Records() =>
        Rows.Select(row => (IReadOnlyDictionary<string, object?>)Columns.Select((column, i) => (column, value: row[i]))
            .ToDictionary(pair => pair.column, pair => pair.value, StringComparer.Ordinal));

    private int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"The result has no column '{column}'; it has: {string.Join(", ", Columns)}.");
    }
}
