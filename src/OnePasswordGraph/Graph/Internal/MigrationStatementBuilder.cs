using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// The statements of a one-time migration: whether it already ran (<c>$key</c>), one chunk of a rename or of a
/// removal of cross-account links (<c>$limit</c> of them, for <see cref="ChunkedStatement"/>), and the record that it
/// ran (<c>$key</c>, <c>$props</c>).
/// </summary>
/// <remarks>
/// A rename keeps a value already written under the new name (a newer writer got there first) and removes the old
/// name either way, so a rerun after an interruption finds only what is left.
/// </remarks>
internal static class MigrationStatementBuilder
{
    public static string Key(PropertyMigration migration) => "migration:" + migration.Id;

    public static string Ran { get; } =
        $"MATCH (s:{Name(SyncState.Type)} {{{Name(GraphProperties.Key)}: $key}}) RETURN count(s) AS ran";

    public static string Record { get; } =
        $"MERGE (s:{Name(SyncState.Type)} {{{Name(GraphProperties.Key)}: $key}})\n"
        + "ON CREATE SET s += $props\n"
        + $"SET s.{Property(SyncState, "updatedOn")} = timestamp()\n"
        + "RETURN count(s) AS recorded";

    public static string Rename(PropertyRename rename) =>
        $"MATCH (n:{Name(rename.Type.Type)})\n"
        + $"WHERE n.{Name(rename.From)} IS NOT NULL\n"
        + "WITH n LIMIT $limit\n"
        + $"SET n.{Property(rename.Type, rename.To)} = coalesce(n.{Name(rename.To)}, n.{Name(rename.From)})\n"
        + $"REMOVE n.{Name(rename.From)}\n"
        + "RETURN count(n) AS cleaned";

    public static string RemoveCrossAccountLinks(RelationshipType link) =>
        $"MATCH (:{Name(link.From.Type)})-[r:{Name(link.Label)}]->(t:{Name(link.To.Type)})\n"
        + $"WHERE r.{Name(GraphProperties.Account)} <> t.{Name(GraphProperties.Account)}\n"
        + "WITH r LIMIT $limit\n"
        + "DELETE r\n"
        + "RETURN count(*) AS cleaned";
}
