using System.Globalization;

namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>
/// A Neo4j server version. Calendar versions (2025.01 and later) sort after 5.x, as the server's own ordering does.
/// </summary>
public sealed record Neo4jVersion(int Major, int Minor, int Patch) : IComparable<Neo4jVersion>
{
    /// <summary>Gets a value indicating whether the server takes the 3.x HTTP paths and schema syntax.</summary>
    public bool IsLegacy3X => Major == 3;

    /// <summary>Gets a value indicating whether schema statements use <c>FOR … REQUIRE</c> and <c>IF NOT EXISTS</c> (4.4 and later).</summary>
    public bool HasModernSchemaSyntax => this >= new Neo4jVersion(4, 4, 0);

    /// <summary>Gets why OnePasswordGraph does not run against this version, or null when it does.</summary>
    public string? UnsupportedReason => this switch
    {
        { Major: < 3 } or { Major: 3, Minor: 0 } =>
            $"Neo4j {this} is not supported: OnePasswordGraph needs 3.1 or later (4.4, 5.x, 2025.x and Aura in production).",
        { Major: 4, Minor: < 4 } =>
            $"Neo4j {this} is not supported: 4.0 to 4.3 lack the schema statements OnePasswordGraph relies on; upgrade to 4.4 or later.",
        _ => null,
    };

    /// <summary>Parses versions such as <c>3.1.1</c>, <c>4.4.0</c>, <c>5.26.2</c>, <c>2025.01.0</c> or <c>5.19.0-aura</c>.</summary>
    public static Neo4jVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var core = text.Split('-', '+')[0];
        var parts = core.Split('.');
        if (parts.Length is < 2 or > 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"'{text}' is not a Neo4j version.");
        }

        var numbers = parts.Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        return new Neo4jVersion(numbers[0], numbers[1], numbers.Length == 3 ? numbers[2] : 0);
    }

    private static int Compare(Neo4jVersion? left, Neo4jVersion? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    public int CompareTo(Neo4jVersion? other) =>
        other is null ? 1
        : Major != other.Major ? Major.CompareTo(other.Major)
        : Minor != other.Minor ? Minor.CompareTo(other.Minor)
        : Patch.CompareTo(other.Patch);

    public static bool operator <(Neo4jVersion left, Neo4jVersion right) => Compare(left, right) < 0;

    public static bool operator <=(Neo4jVersion left, Neo4jVersion right) => Compare(left, right) <= 0;

    public static bool operator >(Neo4jVersion left, Neo4jVersion right) => Compare(left, right) > 0;

    public static bool operator >=(Neo4jVersion left, Neo4jVersion right) => Compare(left, right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Patch}");
}
