using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.GraphProperties;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;

namespace OnePasswordGraph.Graph.Jobs.Internal;

/// <summary>
/// The lease lives on a sync-state node. Writing a property first takes the node's write lock, so the holder and
/// expiry read after it are the latest committed ones: two workers racing for one lease cannot both win.
/// </summary>
/// <remarks>
/// Parameters: <c>$key</c>, <c>$holder</c>, <c>$takeOver</c> (a holder known to be gone, or null), <c>$now</c>,
/// <c>$until</c>, <c>$create</c> (properties of a new node).
/// </remarks>
internal static class LeaseStatements
{
    public static readonly string Acquire =
        $"MERGE (s:{Name(SyncState.Type)} {{{Name(Key)}: $key}})\n"
        + $"ON CREATE SET s += $create, s.{Name(FirstSeenOn)} = $now\n"
        + $"SET s.{Name(LastSeenOn)} = $now\n"
        + "WITH s, s.`leaseHolder` AS current, s.`leaseExpiresOn` AS expires\n"
        + "WHERE current IS NULL OR current = $holder OR current = $takeOver OR expires < $now\n"
        + "SET s.`leaseAcquiredOn` = CASE WHEN current = $holder THEN coalesce(s.`leaseAcquiredOn`, $now) ELSE $now END,\n"
        + "  s.`leaseHolder` = $holder, s.`leaseExpiresOn` = $until\n"
        + "RETURN count(*) AS acquired";

    public static readonly string Read =
        $"MATCH (s:{Name(SyncState.Type)} {{{Name(Key)}: $key}})\n"
        + "WHERE s.`leaseHolder` IS NOT NULL\n"
        + "RETURN s.`leaseHolder` AS holder, s.`leaseAcquiredOn` AS acquiredOn, s.`leaseExpiresOn` AS expiresOn";

    public static readonly string Release =
        $"MATCH (s:{Name(SyncState.Type)} {{{Name(Key)}: $key}})\n"
        + "WHERE s.`leaseHolder` = $holder\n"
        + "REMOVE s.`leaseHolder`, s.`leaseExpiresOn`, s.`leaseAcquiredOn`\n"
        + "RETURN count(*) AS released";
}
