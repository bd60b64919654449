namespace OnePasswordGraph.Cli.Demo;

/// <summary>
/// The queries <c>demo</c> runs and docs/sample-queries.md lists. Each one surfaces a kind of activity the simulator's
/// scenario plants (reveal bursts, exports, sign-ins from a new country, failed sign-in bursts, security changes,
/// self-granted vault access, items Connect cannot see). They stay in the Cypher subset every supported Neo4j accepts:
/// no temporal functions (times are epoch milliseconds), no <c>exists()</c>, no pattern <c>size()</c>. Bursts are
/// counted in fixed windows laid twice, the second shifted by half a window, so a burst no longer than half a window
/// is always whole in one of them, wherever it falls on the clock.
/// </summary>
internal static class SampleQueries
{
    public static IReadOnlyList<SampleQuery> All { get; } =
    [
        new(
            "Reveal, copy and export bursts",
            "Someone revealing or copying many items within minutes may be harvesting secrets (MITRE T1555). Shows each user's largest burst.",
            """
            MATCH (u:one_password_user)-[:PERFORMED]->(e:one_password_item_usage_event)
            WHERE e.account = $account AND e.action IN ['reveal', 'secure-copy', 'export']
            UNWIND [0, 600000] AS shift
            WITH u, shift, (e.timestamp + shift) / 1200000 AS slot, count(*) AS uses, collect(DISTINCT e.itemUUID) AS items,
                 min(e.timestamp) AS firstAt, max(e.timestamp) AS lastAt
            WHERE uses >= 10
            WITH u, uses, items, firstAt, lastAt ORDER BY uses DESC
            WITH u, collect({uses: uses, items: size(items), firstAt: firstAt, lastAt: lastAt})[0] AS burst
            RETURN u.email AS user, burst.uses AS uses, burst.items AS distinctItems, burst.firstAt AS firstAt, burst.lastAt AS lastAt
            ORDER BY uses DESC
            LIMIT 10
            """),
        new(
            "Item exports",
            "An export takes secrets out of 1Password in bulk; few people should ever do it.",
            """
            MATCH (u:one_password_user)-[:PERFORMED]->(e:one_password_item_usage_event)-[:ACCESSED]->(s:one_password_secret)
            WHERE e.account = $account AND e.action = 'export'
            RETURN u.email AS user, s.name AS item, s.vaultUUID AS vault, e.ipAddress AS ip, e.timestamp AS exportedAt
            ORDER BY exportedAt DESC
            LIMIT 20
            """),
        new(
            "Successful sign-ins from a country new for the user",
            "A first sign-in from an unusual country, especially with an unknown client, can be a stolen session or password.",
            """
            MATCH (u:one_password_user)-[:PERFORMED]->(s:one_password_signin_attempt_event)
            WHERE s.account = $account AND s.category = 'success'
            WITH u, s.country AS country, count(*) AS fromCountry, max(s.timestamp) AS lastAt, collect(DISTINCT s.appName) AS clients
            WITH u, collect({country: country, n: fromCountry, lastAt: lastAt, clients: clients}) AS countries, sum(fromCountry) AS total
            UNWIND countries AS c
            WITH u, c, total
            WHERE total >= 5 AND c.n = 1
            RETURN u.email AS user, c.country AS country, c.clients AS clients, c.lastAt AS signedInAt, total AS successfulSignIns
            ORDER BY signedInAt DESC
            LIMIT 20
            """),
        new(
            "Failed sign-in bursts by IP address",
            "Many failures from one address within half an hour are password guessing or credential stuffing (MITRE T1110). Shows each address's largest burst.",
            """
            MATCH (u:one_password_user)-[:PERFORMED]->(s:one_password_signin_attempt_event)
            WHERE s.account = $account AND s.category <> 'success'
            UNWIND [0, 1800000] AS shift
            WITH s.ipAddress AS ip, shift, (s.timestamp + shift) / 3600000 AS slot, count(*) AS failures, collect(DISTINCT u.email) AS users,
                 collect(DISTINCT s.country) AS countries, min(s.timestamp) AS firstAt, max(s.timestamp) AS lastAt
            WHERE failures >= 10
            WITH ip, failures, users, countries, firstAt, lastAt ORDER BY failures DESC
            WITH ip, collect({failures: failures, users: users, countries: countries, firstAt: firstAt, lastAt: lastAt})[0] AS burst
            RETURN ip, burst.countries AS countries, burst.failures AS failures, burst.users AS users, burst.firstAt AS firstAt, burst.lastAt AS lastAt
            ORDER BY failures DESC
            LIMIT 10
            """),
        new(
            "Security settings, service account tokens and manual invites changed",
            "MFA, SSO and firewall changes weaken the account's defences (MITRE T1556, T1562); token changes and hand-made invites open new ways in.",
            """
            MATCH (u:one_password_user)-[:PERFORMED]->(a:one_password_audit_event)
            WHERE a.account = $account
              AND (a.action IN ['disblmfa', 'enblmfa', 'updatmfa', 'disblsso', 'enblsso', 'chngpsso', 'chngasso', 'chngdsso', 'updatfw', 'disblduo', 'enblduo']
                   OR a.objectType IN ['satoken', 'invite'])
            RETURN u.email AS actor, a.action AS action, a.objectType AS objectType, a.objectUUID AS object, a.timestamp AS changedAt
            ORDER BY changedAt DESC
            LIMIT 20
            """),
        new(
            "Self-granted vault access followed by item use",
            "An admin who grants themself a vault and then opens its items is using privilege to reach secrets (MITRE T1098).",
            """
            MATCH (u:one_password_user)-[:PERFORMED]->(g:one_password_audit_event)
            WHERE g.account = $account AND g.action = 'grant' AND g.objectType = 'uva' AND g.auxUUID = u.userUUID
            MATCH (u)-[:PERFORMED]->(e:one_password_item_usage_event)
            WHERE e.vaultUUID = g.objectUUID AND e.timestamp >= g.timestamp AND e.timestamp < g.timestamp + 86400000
            OPTIONAL MATCH (v:one_password_vault {vaultUUID: g.objectUUID})
            RETURN u.email AS user, coalesce(v.name, g.objectUUID) AS vault, g.timestamp AS grantedAt, count(e) AS usesWithinADay
            ORDER BY grantedAt DESC
            LIMIT 20
            """),
        new(
            "Items used that the Connect inventory does not hold",
            "Usage of items in vaults the Connect token cannot see: either a gap in the inventory's scope or vaults nobody reviews.",
            """
            MATCH (u:one_password_user)-[:PERFORMED]->(e:one_password_item_usage_event)-[:ACCESSED]->(s:one_password_secret)
            WHERE e.account = $account AND s.placeholder = true
            RETURN s.itemUUID AS item, s.vaultUUID AS vault, count(e) AS uses, collect(DISTINCT u.email) AS users, max(e.timestamp) AS lastUsedAt
            ORDER BY uses DESC
            LIMIT 20
            """),
    ];
}
