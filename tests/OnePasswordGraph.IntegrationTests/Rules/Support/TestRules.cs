using OnePasswordGraph.Rules;

namespace OnePasswordGraph.IntegrationTests.Rules.Support;

/// <summary>Rules made in code for engine tests (the built-in pack has its own tests).</summary>
internal static class TestRules
{
    /// <summary>Builds an enabled rule running <paramref name="query"/>.</summary>
    public static AlertRule Custom(string id, string query, AlertSeverity severity = AlertSeverity.High, TimeSpan? lookback = null) =>
        new(id, id + " rule", "A test rule.", severity, ["T0000"], lookback ?? TimeSpan.FromHours(1), [], query, $"test:{id}", true, new Dictionary<string, object?>());

    /// <summary>
    /// Any export in the window, one finding per export event: the engine tests' own rule, so that tuning the built-in
    /// pack never changes what they test.
    /// </summary>
    public static AlertRule Export(string id = "test-export", AlertSeverity severity = AlertSeverity.Medium) => Custom(
        id,
        "MATCH (u:one_password_user)-[:PERFORMED]->(e:one_password_item_usage_event)-[:ACCESSED]->(s:one_password_secret)\n"
        + "WHERE e.account = $account AND e.action = 'export' AND e.timestamp >= $since AND e.timestamp <= $now\n"
        + "RETURN [u._key, s._key] AS flagged, [e._key] AS evidence, coalesce(u.email, u._key) + ' exported ' + coalesce(s.name, s._key) AS summary,\n"
        + "       e.timestamp AS occurredOn, e._key AS dedupKey",
        severity);

    /// <summary>A rule whose query Neo4j rejects (the variable is not in scope after the aggregation).</summary>
    public static AlertRule Broken(string id = "broken-rule") => Custom(
        id,
        "MATCH (e:one_password_item_usage_event) WHERE e.account = $account AND e.timestamp >= $since AND e.timestamp <= $now\n"
        + "RETURN [] AS flagged, [] AS evidence, 'x' AS summary, max(e.timestamp) AS occurredOn, 'k' AS dedupKey ORDER BY e.action");
}
