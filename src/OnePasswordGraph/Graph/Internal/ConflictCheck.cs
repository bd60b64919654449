using System.Globalization;
using System.Text;
using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.GraphProperties;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// Finds the nodes of a batch that another account already holds: the keys of every node type that belongs to one
/// account (<see cref="AccountScope.OwnedByOneAccount"/>), whether the batch writes the node or only points at it. It
/// runs in the write's transaction, just before it, so it sees what the write will leave alone.
/// </summary>
/// <remarks>
/// The keys go in one list per type rather than one lookup per key (<c>UNWIND … MATCH</c>): Neo4j 3.1, its index
/// statistics lagging a growing graph, planned a per-key lookup as a scan of the whole index for every key; a list
/// costs at worst one scan per statement.
/// Parameters: <c>$account</c>, <c>$keys0…N</c>; rows of <c>type</c>, <c>key</c> and <c>owner</c>.
/// </remarks>
internal static class ConflictCheck
{
    public static CypherStatement? For(PlannedWrite batch, string account)
    {
        var keys = new Dictionary<NodeType, HashSet<string>>();
        for (var i = 0; i < batch.Parts.Count; i++)
        {
            foreach (var row in batch.Rows[i].OfType<IReadOnlyDictionary<string, object?>>())
            {
                switch (batch.Parts[i])
                {
                    case WritePart.Nodes nodes:
                        Add(keys, nodes.Type, row["key"]);
                        break;
                    case WritePart.Relationships relationships:
                        Add(keys, relationships.Type.From, row["from"]);
                        Add(keys, relationships.Type.To, row["to"]);
                        break;
                }
            }
        }

        if (keys.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["account"] = account };
        foreach (var ((type, typeKeys), index) in keys.Select((entry, index) => ((entry.Key, entry.Value), index.ToString(CultureInfo.InvariantCulture))))
        {
            text.Append(text.Length == 0 ? string.Empty : "UNION ALL\n")
                .Append(MatchKeysIn("n", type, "$keys" + index)).Append($" AND n.{Name(Account)} <> $account\n")
                .Append($"RETURN $type{index} AS type, n.{Name(Key)} AS key, n.{Name(Account)} AS owner\n");
            parameters["keys" + index] = typeKeys.Select(k => (object?)k).ToList();
            parameters["type" + index] = type.Type;
        }

        return new CypherStatement(text.ToString().TrimEnd('\n'), parameters);
    }

    private static void Add(Dictionary<NodeType, HashSet<string>> keys, NodeType type, object? key)
    {
        if (type.AccountScope != AccountScope.OwnedByOneAccount || key is not string text)
        {
            return;
        }

        if (!keys.TryGetValue(type, out var set))
        {
            keys[type] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(text);
    }
}
