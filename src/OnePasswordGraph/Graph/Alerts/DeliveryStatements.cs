using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.GraphProperties;

namespace OnePasswordGraph.Graph.Alerts;

/// <summary>
/// The statements of the delivery outbox: which findings a channel still owes, claiming one for delivery, recording the
/// outcome, and the backlog <c>status</c> reports. A finding's delivery to a channel is a
/// <c>one_password_alert_delivery</c> node the finding HAS; none, or one still <c>pending</c>, means the channel owes it.
/// </summary>
public static class DeliveryStatements
{
    /// <summary>The status of a delivery the channel has not accepted yet.</summary>
    public const string PendingStatus = "pending";

    /// <summary>The status of a delivery the channel accepted.</summary>
    public const string DeliveredStatus = "delivered";

    /// <summary>The status of a finding the channel is not meant to receive (below its minimum severity, say).</summary>
    public const string SkippedStatus = "skipped";

    private static readonly NodeType Alert = OnePasswordNodeTypes.Alert;
    private static readonly NodeType Delivery = OnePasswordNodeTypes.AlertDelivery;
    private static readonly RelationshipType Has = OnePasswordRelationshipTypes.AlertHasDelivery;

    private static readonly string PendingText =
        $"MATCH (a:{Name(Alert.Type)})\n"
        + $"WHERE a.{Name(Account)} = $account AND a.{A("createdOn")} >= $oldest\n"
        + $"OPTIONAL MATCH (a)-[:{Name(Has.Label)}]->(d:{Name(Delivery.Type)})\n"
        + $"WHERE d.{D("channel")} = $channel\n"
        + $"WITH a, d WHERE d IS NULL OR d.{D("status")} = $pending\n"
        + $"OPTIONAL MATCH (u:{Name(OnePasswordNodeTypes.User.Type)} {{{Name(Key)}: head(a.{A("flagged")})}})\n"
        + $"RETURN a.{Name(Key)} AS fingerprint, {Returns("a", Alert, "ruleId", "ruleName", "severity", "summary", "occurredOn", "createdOn", "flagged", "evidence")}, "
        + $"u.{Property(OnePasswordNodeTypes.User, "email")} AS userEmail, u.{Property(OnePasswordNodeTypes.User, "name")} AS userName\n"
        + $"ORDER BY a.{A("createdOn")}, a.{Name(Key)}\n"
        + "LIMIT $limit";

    // The finding's delivery node for the channel, created pending when missing. Setting lastSeenOn takes the node's
    // write lock before its claim is read, so two processes racing for one delivery see each other's claim.
    private static readonly string EnsureText =
        $"MATCH (a:{Name(Alert.Type)} {{{Name(Key)}: $fingerprint}})\n"
        + $"MERGE (d:{Name(Delivery.Type)} {{{Name(Key)}: $key}})\n"
        + $"ON CREATE SET d += $create, d.{Name(FirstSeenOn)} = $now, d.{Name(Placeholder)} = false, d.{D("attempts")} = 0, d.{D("status")} = $pending\n"
        + $"SET d.{Name(LastSeenOn)} = $now\n"
        + "WITH a, d\n"
        + $"MERGE (a)-[r:{Name(Has.Label)}]->(d)\n"
        + $"ON CREATE SET r += $relationship, r.{Name(FirstSeenOn)} = $now\n"
        + $"SET r.{Name(LastSeenOn)} = $now\n";

    private static readonly string ClaimText =
        EnsureText
        + $"WITH d, d.{D("claimHolder")} AS holder, d.{D("status")} AS status,\n"
        + $"  d.{D("status")} = $pending AND (d.{D("claimHolder")} IS NULL OR d.{D("claimHolder")} = $holder OR d.{D("claimHolder")} = $takeOver OR d.{D("claimExpiresOn")} < $now) AS free\n"
        + $"FOREACH (claim IN CASE WHEN free THEN [1] ELSE [] END |\n"
        + $"  SET d.{D("claimHolder")} = $holder, d.{D("claimExpiresOn")} = $until, d.{D("attempts")} = d.{D("attempts")} + 1, d.{D("lastAttemptOn")} = $now)\n"
        + "RETURN free AS claimed, holder, status";

    private static readonly string CompleteText =
        $"MATCH (d:{Name(Delivery.Type)} {{{Name(Key)}: $key}})\n"
        + $"SET d.{D("deliveredOn")} = coalesce(d.{D("deliveredOn")}, $now), d.{D("status")} = $delivered, d.{Name(LastSeenOn)} = $now\n"
        + $"REMOVE d.{D("lastError")}, d.{D("claimHolder")}, d.{D("claimExpiresOn")}\n"
        + "RETURN count(d) AS completed";

    private static readonly string ReleaseText =
        $"MATCH (d:{Name(Delivery.Type)} {{{Name(Key)}: $key}})\n"
        + $"WHERE d.{D("claimHolder")} = $holder\n"
        + $"SET d.{D("lastError")} = $error, d.{Name(LastSeenOn)} = $now\n"
        + $"REMOVE d.{D("claimHolder")}, d.{D("claimExpiresOn")}\n"
        + "RETURN count(d) AS released";

    private static readonly string SkipText =
        EnsureText
        + $"SET d.{D("status")} = CASE WHEN d.{D("status")} = $pending AND d.{D("claimHolder")} IS NULL THEN $skipped ELSE d.{D("status")} END\n"
        + "RETURN count(d) AS skipped";

    private static readonly string BacklogText =
        "UNWIND $channels AS channel\n"
        + $"MATCH (a:{Name(Alert.Type)})\n"
        + $"WHERE a.{Name(Account)} = $account\n"
        + $"OPTIONAL MATCH (a)-[:{Name(Has.Label)}]->(d:{Name(Delivery.Type)})\n"
        + $"WHERE d.{D("channel")} = channel\n"
        + $"WITH channel, a, d WHERE d IS NULL OR d.{D("status")} = $pending\n"
        + $"WITH channel, a, d ORDER BY d.{D("lastAttemptOn")} DESC\n"
        + $"RETURN channel, sum(CASE WHEN a.{A("createdOn")} >= $oldest THEN 1 ELSE 0 END) AS pending,\n"
        + $"  sum(CASE WHEN a.{A("createdOn")} < $oldest THEN 1 ELSE 0 END) AS expired,\n"
        + $"  min(CASE WHEN a.{A("createdOn")} >= $oldest THEN a.{A("createdOn")} END) AS oldestPendingOn,\n"
        + $"  head(collect(d.{D("lastError")})) AS lastError";

    private static readonly string BrowserText =
        $"MATCH (a:{Name(Alert.Type)} {{{Name(Key)}: '{{0}}'}})-[:{Name(OnePasswordRelationshipTypes.AlertFlags[0].Label)}]->(n) RETURN a, n";

    /// <summary>Gets the key of the delivery node of <paramref name="fingerprint"/> to <paramref name="channel"/>.</summary>
    public static string DeliveryKey(string fingerprint, string channel) => $"{fingerprint}|delivery|{channel}";

    /// <summary>
    /// Reads the findings of <paramref name="account"/> raised since <paramref name="oldest"/> that <paramref name="channel"/>
    /// has neither accepted nor skipped, oldest first: the columns of a finding plus the flagged user's
    /// <c>userEmail</c> and <c>userName</c> when its first key is a user.
    /// </summary>
    public static CypherStatement Pending(string account, string channel, DateTimeOffset oldest, int limit) => new(PendingText, new Dictionary<string, object?>
    {
        ["account"] = account,
        ["channel"] = channel,
        ["oldest"] = oldest.ToUnixTimeMilliseconds(),
        ["pending"] = PendingStatus,
        ["limit"] = (long)limit,
    });

    /// <summary>
    /// Claims the delivery of <paramref name="fingerprint"/> to <paramref name="channel"/> for <paramref name="holder"/>
    /// until <paramref name="until"/>, unless it is delivered, skipped, or claimed by another holder whose claim has not
    /// lapsed (a holder named by <paramref name="takeOver"/> is treated as gone). One row: <c>claimed</c>, the
    /// <c>holder</c> and <c>status</c> it had; none when the finding no longer exists.
    /// </summary>
    public static CypherStatement Claim(string account, string fingerprint, string channel, string holder, string? takeOver, DateTimeOffset now, DateTimeOffset until) =>
        new(ClaimText, Parameters(account, fingerprint, channel, now, new()
        {
            ["holder"] = holder,
            ["takeOver"] = takeOver,
            ["until"] = until.ToUnixTimeMilliseconds(),
            ["pending"] = PendingStatus,
        }));

    /// <summary>Records that the channel accepted the finding: <c>deliveredOn</c> is set once and the claim is dropped.</summary>
    public static CypherStatement Complete(string fingerprint, string channel, DateTimeOffset now) => new(CompleteText, new Dictionary<string, object?>
    {
        ["key"] = DeliveryKey(fingerprint, channel),
        ["now"] = now.ToUnixTimeMilliseconds(),
        ["delivered"] = DeliveredStatus,
    });

    /// <summary>Drops <paramref name="holder"/>'s claim after a failed attempt and records why, so the next run tries again.</summary>
    public static CypherStatement Release(string fingerprint, string channel, string holder, string error, DateTimeOffset now) => new(ReleaseText, new Dictionary<string, object?>
    {
        ["key"] = DeliveryKey(fingerprint, channel),
        ["holder"] = holder,
        ["error"] = error,
        ["now"] = now.ToUnixTimeMilliseconds(),
    });

    /// <summary>Records that the channel is not meant to receive the finding; a delivery already made, or in flight, keeps its status.</summary>
    public static CypherStatement Skip(string account, string fingerprint, string channel, DateTimeOffset now) =>
        new(SkipText, Parameters(account, fingerprint, channel, now, new() { ["skipped"] = SkippedStatus, ["pending"] = PendingStatus }));

    /// <summary>
    /// Reads, per channel of <paramref name="channels"/>, the findings of <paramref name="account"/> it still owes: rows of
    /// <c>channel</c>, <c>pending</c> (raised since <paramref name="oldest"/>), <c>expired</c> (older, no longer tried),
    /// <c>oldestPendingOn</c> and the newest attempt's <c>lastError</c>. A channel that owes nothing has no row.
    /// </summary>
    public static CypherStatement Backlog(string account, IEnumerable<string> channels, DateTimeOffset oldest) => new(BacklogText, new Dictionary<string, object?>
    {
        ["account"] = account,
        ["channels"] = channels.Select(c => (object?)c).ToList(),
        ["oldest"] = oldest.ToUnixTimeMilliseconds(),
        ["pending"] = PendingStatus,
    });

    /// <summary>A query that shows the finding and what it flags, to paste into Neo4j Browser; the fingerprint is hex, so quoting it is safe.</summary>
    public static string BrowserQuery(string fingerprint)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        return fingerprint.All(char.IsAsciiHexDigit)
            ? BrowserText.Replace("{0}", fingerprint, StringComparison.Ordinal)
            : throw new ArgumentException("A fingerprint is lowercase hex.", nameof(fingerprint));
    }

    private static Dictionary<string, object?> Parameters(string account, string fingerprint, string channel, DateTimeOffset now, Dictionary<string, object?> extra)
    {
        var key = DeliveryKey(fingerprint, channel);
        var parameters = new Dictionary<string, object?>(extra, StringComparer.Ordinal)
        {
            ["fingerprint"] = fingerprint,
            ["key"] = key,
            ["now"] = now.ToUnixTimeMilliseconds(),
            ["create"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [Key] = key,
                [GraphProperties.Type] = Delivery.Type,
                [Account] = account,
                ["channel"] = channel,
            },
            ["relationship"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [Key] = $"{fingerprint}|{Has.Label.ToLowerInvariant()}|{key}",
                [GraphProperties.Type] = Has.Type,
                [Class] = Has.Label,
                [Account] = account,
            },
        };
        return parameters;
    }

    private static string A(string property) => Property(Alert, property);

    private static string D(string property) => Property(Delivery, property);
}
