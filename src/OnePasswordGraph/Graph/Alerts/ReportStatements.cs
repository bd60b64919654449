using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.GraphProperties;

namespace OnePasswordGraph.Graph.Alerts;

/// <summary>
/// The read behind <c>alerts report</c>: the stored findings, newest first, each with its neighbourhood: what it FLAGS
/// (flagged entities and evidence events) and, one hop further, who PERFORMED an event, what it ACCESSED or UPDATED,
/// and the vault that HAS a secret. Only those directions are followed, so a flagged user or vault never pulls in all
/// of its events or items.
/// </summary>
public static class ReportStatements
{
    private static readonly NodeType Alert = OnePasswordNodeTypes.Alert;

    private static readonly string FindingsText =
        $"MATCH (a:{Name(Alert.Type)})\n"
        + $"WHERE a.{Name(Account)} = $account AND a.{A("createdOn")} >= $oldest\n"
        + $"WITH a ORDER BY a.{A("createdOn")} DESC, a.{Name(Key)} LIMIT $limit\n"
        + $"OPTIONAL MATCH (a)-[:{Name(OnePasswordRelationshipTypes.AlertFlags[0].Label)}]->(f)\n"
        + $"WITH a, f ORDER BY f.{Name(Key)}\n"
        + "WITH a, collect(f)[0..$width] AS flagged\n"
        + "UNWIND CASE WHEN size(flagged) = 0 THEN [null] ELSE flagged END AS f\n"
        + $"OPTIONAL MATCH (f)-[r:{Name(OnePasswordRelationshipTypes.ItemUsageAccessedSecret.Label)}|{Name(OnePasswordRelationshipTypes.AuditEventUpdatedUser.Label)}"
        + $"|{Name(OnePasswordRelationshipTypes.UserPerformedAuditEvent.Label)}|{Name(OnePasswordRelationshipTypes.VaultHasSecret.Label)}]-(n)\n"
        + $"WHERE (startNode(r) = f) = (type(r) IN $outgoing) AND NOT n:{Name(OnePasswordNodeTypes.Account.Type)} AND NOT n:{Name(Alert.Type)}\n"
        + $"WITH a, f, r, n ORDER BY n.{Name(Key)}\n"
        + "WITH a, f, collect(CASE WHEN r IS NULL THEN null ELSE {relationship: type(r), outgoing: startNode(r) = f, node: n} END)[0..$around] AS around\n"
        + "WITH a, collect(CASE WHEN f IS NULL THEN null ELSE {node: f, around: around} END) AS neighbourhood\n"
        + $"RETURN a.{Name(Key)} AS fingerprint, {Returns("a", Alert, "ruleId", "ruleName", "severity", "summary", "occurredOn", "createdOn")}, neighbourhood\n"
        + "ORDER BY createdOn DESC, fingerprint";

    /// <summary>
    /// Reads up to <paramref name="limit"/> findings of <paramref name="account"/> raised since <paramref name="oldest"/>,
    /// newest first: the finding's columns plus <c>neighbourhood</c>, a list of maps of <c>node</c> (a flagged node's
    /// properties) and <c>around</c> (maps of <c>relationship</c>, <c>outgoing</c> from the flagged node, and the other
    /// <c>node</c>). At most <paramref name="width"/> flagged nodes per finding and <paramref name="around"/> neighbours each.
    /// </summary>
    public static CypherStatement Findings(string account, DateTimeOffset oldest, int limit, int width, int around) => new(FindingsText, new Dictionary<string, object?>
    {
        ["account"] = account,
        ["oldest"] = oldest.ToUnixTimeMilliseconds(),
        ["limit"] = (long)limit,
        ["width"] = (long)width,
        ["around"] = (long)around,
        ["outgoing"] = new List<object?>
        {
            OnePasswordRelationshipTypes.ItemUsageAccessedSecret.Label,
            OnePasswordRelationshipTypes.AuditEventUpdatedUser.Label,
        },
    });

    private static string A(string property) => Property(Alert, property);
}
