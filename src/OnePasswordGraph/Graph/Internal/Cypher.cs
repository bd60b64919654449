namespace OnePasswordGraph.Graph.Internal;

/// <summary>Writes identifiers into Cypher text. Only declared, validated names ever reach it.</summary>
internal static class Cypher
{
    /// <summary>Backtick-quotes a label, relationship type or property name, doubling any backtick inside it.</summary>
    public static string Name(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>Writes <c>n:`A`:`B`</c> for the given labels.</summary>
    public static string Labels(string variable, IEnumerable<string> labels) => variable + string.Concat(labels.Select(l => ":" + Name(l)));
}
