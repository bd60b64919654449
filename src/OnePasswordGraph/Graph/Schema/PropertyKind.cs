namespace OnePasswordGraph.Graph.Schema;

/// <summary>The Neo4j property types the data model uses. Neo4j stores no maps and no mixed lists as property values.</summary>
public enum PropertyKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A 64-bit integer; times are integers of epoch milliseconds.</summary>
    Integer,

    /// <summary>A double.</summary>
    Float,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A list of strings.</summary>
    StringList,
}
