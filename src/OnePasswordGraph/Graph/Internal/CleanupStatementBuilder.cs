using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.GraphProperties;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// Generates stale-inventory cleanup from the declarations. Nodes are soft-deleted (<c>active = false</c>,
/// <c>deletedOn</c>) so past events keep their edges; inventory relationships a complete listing no longer shows are
/// removed. Both are scoped to one account and, optionally, to the parents whose listing was complete, and run in
/// chunks of <c>$limit</c>.
/// </summary>
/// <remarks>Parameters: <c>$account</c>, <c>$syncTag</c>, <c>$now</c>, <c>$limit</c>, and <c>$scope</c> when scoped.</remarks>
internal static class CleanupStatementBuilder
{
    public static string StaleNodes(NodeType type, string? scopeProperty)
    {
        if (!type.IsInventory)
        {
            throw new ArgumentException($"{type.Type} is not inventory; only inventory is cleaned up.", nameof(type));
        }

        return $"MATCH (n:{Name(type.Type)})\n"
            + $"WHERE n.{Name(Account)} = $account AND n.{Name(Active)} = true AND n.{Name(SyncTag)} <> $syncTag{Scope("n", scopeProperty)}\n"
            + "WITH n LIMIT $limit\n"
            + $"SET n.{Name(Active)} = false, n.{Name(DeletedOn)} = $now\n"
            + "RETURN count(n) AS cleaned";
    }

    public static string StaleRelationships(RelationshipType type, string? fromScopeProperty)
    {
        if (type.Property(SyncTag) is null)
        {
            throw new ArgumentException($"{type.Type} carries no sync tag; only inventory relationships are cleaned up.", nameof(type));
        }

        return $"MATCH (a:{Name(type.From.Type)})-[r:{Name(type.Label)}]->(:{Name(type.To.Type)})\n"
            + $"WHERE r.{Name(Account)} = $account AND r.{Name(SyncTag)} <> $syncTag{Scope("a", fromScopeProperty)}\n"
            + "WITH r LIMIT $limit\n"
            + "DELETE r\n"
            + "RETURN count(*) AS cleaned";
    }

    /// <summary>Removes the relationships labelled <paramref name="label"/> that one account wrote.</summary>
    public static string AccountRelationships(string label) =>
        $"MATCH ()-[r:{Name(label)}]->()\n"
        + $"WHERE r.{Name(Account)} = $account\n"
        + "WITH r LIMIT $limit\n"
        + "DELETE r\n"
        + "RETURN count(*) AS cleaned";

    /// <summary>
    /// Removes the nodes of <paramref name="type"/> recorded for one account that nothing else is attached to once
    /// the account's own relationships are gone, except the keys in <c>$keep</c>. A node another account still uses
    /// (a person who works in both) stays.
    /// </summary>
    public static string AccountNodes(NodeType type) =>
        $"MATCH (n:{Name(type.Type)})\n"
        + $"WHERE n.{Name(Account)} = $account AND NOT n.{Name(Key)} IN $keep\n"
        + "OPTIONAL MATCH (n)-[r]-()\n"
        + "WITH n, count(r) AS degree\n"
        + "WHERE degree = 0\n"
        + "WITH n LIMIT $limit\n"
        + "DELETE n\n"
        + "RETURN count(*) AS cleaned";

    /// <summary>
    /// Hands the nodes of <paramref name="type"/> that one account recorded but another still uses over to that other
    /// account (taken from one of the relationships it wrote), so that nothing keeps naming an erased account.
    /// </summary>
    public static string SharedAccountNodes(NodeType type) =>
        $"MATCH (n:{Name(type.Type)})\n"
        + $"WHERE n.{Name(Account)} = $account AND NOT n.{Name(Key)} IN $keep\n"
        + "WITH n LIMIT $limit\n"
        + "MATCH (n)-[r]-()\n"
        + $"WITH n, collect(r.{Name(Account)})[0] AS other\n"
        + $"SET n.{Name(Account)} = other\n"
        + "RETURN count(*) AS cleaned";

    private static string Scope(string variable, string? property) =>
        property is null ? string.Empty : $" AND {variable}.{Name(property)} IN $scope";
}
