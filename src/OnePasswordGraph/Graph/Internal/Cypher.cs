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

    /// <summary>
    /// Writes <c>MERGE (v:`T` {`_key`: key})</c> and a line break, for a node the same statement has already written,
    /// so it never creates. MERGE on a key with a uniqueness constraint is always a seek of that constraint's index,
    /// while Neo4j 3.1 planned a MATCH of the same key per row, when its index statistics lagged a growing graph, as a
    /// scan or a join of two whole-index scans (a hint did not prevent it: a scan uses the index too).
    /// </summary>
    public static string MergeWrittenKey(string variable, NodeType type, string key) =>
        $"MERGE ({variable}:{Name(type.Type)} {{{Name(GraphProperties.Key)}: {key}}})\n";

    /// <summary>
    /// Writes <c>MATCH (v:`T`) USING INDEX v:`T`(`_key`)</c> and <c>WHERE v.`_key` IN list</c>, open for more
    /// conditions: the nodes of many keys read at once, which costs at worst one scan of the index per statement where
    /// a lookup per row can cost one per row (see <see cref="MergeWrittenKey"/>).
    /// </summary>
    public static string MatchKeysIn(string variable, NodeType type, string list) =>
        $"MATCH ({variable}:{Name(type.Type)})\n"
        + $"USING INDEX {variable}:{Name(type.Type)}({Name(GraphProperties.Key)})\n"
        + $"WHERE {variable}.{Name(GraphProperties.Key)} IN {list}";

    /// <summary>Quotes <paramref name="property"/> after checking that <paramref name="type"/> declares it, so a hand-written read cannot drift from the schema.</summary>
    public static string Property(NodeType type, string property) =>
        type.Property(property) is not null
            ? Name(property)
            : throw new InvalidOperationException($"Node type {type.Type} declares no property '{property}'.");

    /// <summary>Writes <c>alias.`a` AS a, alias.`b` AS b</c> for declared properties of <paramref name="type"/>.</summary>
    public static string Returns(string variable, NodeType type, params string[] properties) =>
        string.Join(", ", properties.Select(p => $"{variable}.{Property(type, p)} AS {p}"));
}
