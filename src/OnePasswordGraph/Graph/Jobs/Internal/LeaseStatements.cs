using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.GraphProperties;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;

namespace OnePasswordGraph.Graph.Jobs.Internal;

/// <summary>
/// The lease lives on a sync-state node. Writing a property first takes the node's write lock, so the holder and
/// expiry read after it are the latest committed ones: two workers racing for one lease cannot both win.
/// </summary>
/// <remarks>Parameters: <c>$key</c>, <c>$holder</c>, <c>$now</c>, <c>$until</c>, <c>$create</c> (properties of a new node).</remarks>
internal static class LeaseStatements
{
    public static readonly string Acquire =
        $"MERGE (s:{Name(SyncState.Type)} {{{Name(Key)}: $key}})\n"
        + $"ON CREATE SET s += $create, s.{Name(FirstSeenOn)} = $now\n"
        + $"SET s.{Name(LastSeenOn)} = $now\n"
        + "WITH s, s.`leaseHolder` AS current, s.`leaseExpiresOn` AS expires\n"
        + "WHERE current IS NULL OR current = $holder OR expires < $now\n"
        + "SET s.`leaseHolder` = $holder, s.`leaseExpiresOn` = $until\n"
        + "RETURN count(*) AS acquired";

    public static readonly string Release =
        $"MATCH (s:{Name(SyncState.Type)} {{{Name(Key)}: $key}})\n"
        + "WHERE s.`leaseHolder` = $holder\n"
        + "REMOVE s.`leaseHolder`, s.`leaseExpiresOn`\n"
        + "RETURN count(*) AS released";
}
