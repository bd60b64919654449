using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>Writes identifiers into Cypher text. Only declared, validated names ever reach it.</summary>
internal static class Cypher
{
    /// <summary>Backtick-quotes a label, relationship type or property name, doubling any backtick inside it.</summary>
    public static string Name(string identifier) => "`" + identifier.Replace("`", "``", StringComparison.Ordinal) + "`";

    /// <summary>Writes <c>n:`A`:`B`</c> for the given labels.</summary>
    public static string Labels(string variable, IEnumerable<string> labels) => variable + string.Concat(labels.Select(l => ":" + Name(l)));

    /// <summary>
    /// Writes <c>MATCH (v:`T` {`_key`: key}) USING INDEX v:`T`(`_key`)</c> and a line break. A planner whose index
    /// statistics lag the graph (Neo4j 3.1 while a backfill grew it) chose a scan per row over a seek for lookups
    /// without the hint; the hint makes the seek its plan in practice, but a scan of the same index also satisfies it,
    /// which is why write statements find nodes by MERGE instead (WriteStatementBuilder). Every node type has a
    /// uniqueness constraint on its key, so the index the hint names always exists.
    /// </summary>
    public static string MatchKey(string variable, NodeType type, string key) =>
        $"MATCH ({variable}:{Name(type.Type)} {{{Name(GraphProperties.Key)}: {key}}})\n"
        + $"USING INDEX {variable}:{Name(type.Type)}({Name(GraphProperties.Key)})\n";

    /// <summary>Quotes <paramref name="property"/> after checking that <paramref name="type"/> declares it, so a hand-written read cannot drift from the schema.</summary>
    public static string Property(NodeType type, string property) =>
        type.Property(property) is not null
            ? Name(property)
            : throw new InvalidOperationException($"Node type {type.Type} declares no property '{property}'.");

    /// <summary>Writes <c>alias.`a` AS a, alias.`b` AS b</c> for declared properties of <paramref name="type"/>.</summary>
    public static string Returns(string variable, NodeType type, params string[] properties) =>
        string.Join(", ", properties.Select(p => $"{variable}.{Property(type, p)} AS {p}"));
}
