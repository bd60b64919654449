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

    /// <summary>
    /// Ends the memberships <paramref name="membership"/> (account to shared node) whose account's complete listing no
    /// longer holds the node, by removing their tag, and marks the node inactive only when no account's listing holds
    /// it any more. A person in several accounts is judged by each account's own membership, never by the one node's
    /// tag, which the account that listed last wrote. A membership without a tag (written by events, or by a version
    /// that did not tag memberships) ends a node that some listing once held only when no membership is tagged now.
    /// </summary>
    public static string EndedMemberships(RelationshipType membership)
    {
        if (membership.To.AccountScope != AccountScope.SharedAcrossAccounts || !membership.To.IsInventory || membership.Property(SyncTag) is null)
        {
            throw new ArgumentException($"{membership.Type} does not tag an account's membership of a shared inventory node.", nameof(membership));
        }

        var listedAnywhere = $"size([(:{Name(membership.From.Type)})-[other:{Name(membership.Label)}]->(n) WHERE other.{Name(SyncTag)} IS NOT NULL | other])";
        return $"MATCH (:{Name(membership.From.Type)} {{{Name(Key)}: $account}})-[m:{Name(membership.Label)}]->(n:{Name(membership.To.Type)})\n"
            + $"WHERE (m.{Name(SyncTag)} IS NOT NULL AND m.{Name(SyncTag)} <> $syncTag)\n"
            + $"   OR (m.{Name(SyncTag)} IS NULL AND n.{Name(Active)} = true AND n.{Name(SyncTag)} IS NOT NULL AND {listedAnywhere} = 0)\n"
            + "WITH m, n LIMIT $limit\n"
            + $"REMOVE m.{Name(SyncTag)}\n"
            + $"WITH m, n, {listedAnywhere} AS listed\n"
            + $"FOREACH (gone IN CASE WHEN listed = 0 AND n.{Name(Active)} = true THEN [1] ELSE [] END |\n"
            + $"  SET n.{Name(Active)} = false, n.{Name(DeletedOn)} = $now)\n"
            + "RETURN count(m) AS cleaned";
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
