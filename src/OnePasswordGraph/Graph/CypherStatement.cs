namespace OnePasswordGraph.Graph;

/// <summary>
/// One Cypher statement and its parameters. Every value travels as a parameter; only labels, relationship types and
/// property names (taken from the declared schema) are ever written into <see cref="Text"/>.
/// </summary>
/// <remarks>
/// Parameter values are <see langword="null"/>, <see cref="string"/>, <see cref="bool"/>, <see cref="long"/>,
/// <see cref="int"/>, <see cref="double"/>, lists of those, or string-keyed dictionaries of those.
/// </remarks>
public sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?> Parameters)
{
    /// <summary>Creates a statement without parameters.</summary>
    public CypherStatement(string text)
        : this(text, new Dictionary<string, object?>())
    {
    }

    /// <summary>Gets the statement that checks a connection can run Cypher at all.</summary>
    public static CypherStatement Probe { get; } = new("RETURN 1 AS ok");
}
