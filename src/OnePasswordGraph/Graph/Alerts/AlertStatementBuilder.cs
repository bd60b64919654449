using System.Globalization;
using System.Text;
using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;
using static OnePasswordGraph.Graph.Schema.GraphProperties;

namespace OnePasswordGraph.Graph.Alerts;

/// <summary>
/// Generates the Cypher that stores findings and rule watermarks. Labels, relationship types and property names come
/// from the schema declarations; every value is a parameter.
/// </summary>
/// <remarks>
/// Store parameters: <c>$alerts</c> (rows <c>{key, props}</c>), <c>$flags</c> (a map from each target's key to its rows
/// <c>{alert, props}</c>), <c>$targets</c> (the map's keys),
/// <c>$flagType0…N</c> (the <c>_type</c> of each FLAGS declaration), <c>$now</c>, <c>$runId</c>, <c>$status</c>.
/// </remarks>
internal static class AlertStatementBuilder
{
    /// <summary>Properties refreshed when a finding is found again with a newer <c>occurredOn</c>.</summary>
    public static readonly IReadOnlyList<string> Refreshed = ["summary", "flagged", "evidence", "evidenceCount", "occurredOn"];

    public const string OccurredOn = "occurredOn";
    public const string CreatedOn = "createdOn";
    public const string Status = "status";
    public const string CreatedByRun = "createdByRun";
    public const string LastEvaluatedOn = "lastEvaluatedOn";
    public const string Timestamp = "timestamp";
    public const long HourMilliseconds = 3_600_000;

    /// <summary>
    /// One statement per batch: MERGE each alert on its fingerprint (all properties, createdOn, status and the run id on
    /// create; only lastSeenOn, and what a newer occurrence changes, on match), MERGE its FLAGS edges to existing nodes
    /// of every declared target type, then return the keys whose run id is this run's. Comparing the run id makes "new" exact:
    /// a rerun, or a retry of a committed batch, finds the node and does not count it again.
    /// </summary>
    /// <remarks>
    /// No lookup by key per row (15 s for 100 flags after a 200,000-event backfill, see <see cref="MergeWrittenKey"/>):
    /// each target type's existing nodes are read with one <c>IN</c> list, each finds its flags in the <c>$flags</c>
    /// map by its key, and the alerts, which the statement has just written, are found with <c>MERGE</c>. A target that
    /// another account owns is never flagged, even when its key is one the finding names.
    /// </remarks>
    public static string Store()
    {
        var alert = OnePasswordNodeTypes.Alert;
        var text = new StringBuilder()
            .Append("UNWIND $alerts AS row\n")
            .Append(MergeWrittenKey("a", alert, "row.key"))
            .Append($"ON CREATE SET a += row.props, a.{Name(FirstSeenOn)} = $now, a.{P(CreatedOn)} = $now, a.{P(Status)} = $status, ")
            .Append($"a.{P(CreatedByRun)} = $runId, a.{Name(Placeholder)} = false, a:{Name(alert.Class!)}\n")
            .Append($"WITH a, row, coalesce(a.{P(OccurredOn)}, 0) < row.props.{P(OccurredOn)} AS newer\n")
            .Append($"SET a.{Name(LastSeenOn)} = $now")
            .Append(string.Concat(Refreshed.Select(p => $", a.{P(p)} = CASE WHEN newer THEN row.props.{P(p)} ELSE a.{P(p)} END")))
            .Append('\n')
            .Append("WITH count(*) AS stored\n");
        var flags = OnePasswordRelationshipTypes.AlertFlags;
        for (var i = 0; i < flags.Count; i++)
        {
            var index = i.ToString(CultureInfo.InvariantCulture);
            text.Append(MatchKeysIn("t", flags[i].To, "$targets")).Append('\n')
                .Append($"UNWIND $flags[t.{Name(Key)}] AS f\n")
                .Append(SameAccount(flags[i].To))
                .Append(MergeWrittenKey("a", alert, "f.alert"))
                .Append($"MERGE (a)-[r:{Name(flags[i].Label)}]->(t)\n")
                .Append($"ON CREATE SET r += f.props, r.{Name(GraphProperties.Type)} = $flagType{index}, r.{Name(FirstSeenOn)} = $now\n")
                .Append($"SET r.{Name(LastSeenOn)} = $now\n")
                .Append($"WITH count(*) AS flagged{index}\n");
        }

        // Read back last: each section above ends in a count without grouping keys, which yields one row even when
        // nothing matched, so this part always runs.
        return text.Append("UNWIND $alerts AS row\n")
            .Append(MergeWrittenKey("a", alert, "row.key"))
            .Append($"RETURN collect(DISTINCT CASE WHEN a.{P(CreatedByRun)} = $runId THEN a.{Name(Key)} END) AS created")
            .ToString();
    }

    // A key that repeats in another account names that account's node (the first writer keeps it): a finding flags
    // only what its own account owns. People are shared across accounts, so a user node is flagged whoever wrote it.
    private static string SameAccount(NodeType target) =>
        target.BelongsToOneAccount
            ? $"WITH t, f WHERE t.{Name(GraphProperties.Account)} = f.props.{Name(GraphProperties.Account)}\n"
            : string.Empty;

    /// <summary>Reads the watermarks of the sync-state keys in <c>$keys</c>.</summary>
    public static string ReadWatermarks() =>
        "UNWIND $keys AS key\n"
        + MatchKey("s", OnePasswordNodeTypes.SyncState, "key")
        + $"RETURN s.{Name(Key)} AS key, s.{W(LastEvaluatedOn)} AS lastEvaluatedOn";

    /// <summary>Records a rule's watermark: <c>$key</c>, <c>$props</c> (declared sync-state properties), <c>$now</c>.</summary>
    public static string WriteWatermark() =>
        $"MERGE (s:{Name(OnePasswordNodeTypes.SyncState.Type)} {{{Name(Key)}: $key}})\n"
        + $"ON CREATE SET s.{Name(FirstSeenOn)} = $now, s.{Name(Placeholder)} = false\n"
        + $"SET s += $props, s.{Name(LastSeenOn)} = $now\n"
        + $"RETURN s.{W(LastEvaluatedOn)} AS lastEvaluatedOn";

    /// <summary>The events of the three streams per hour (<c>hour</c>, <c>events</c>) in <c>$account</c> from <c>$since</c> to <c>$now</c>.</summary>
    public static string EventsPerHour()
    {
        // One timestamp index range per stream, as the rules read them; only the timestamp and the account are read.
        var streams = new[] { OnePasswordNodeTypes.ItemUsageEvent, OnePasswordNodeTypes.AuditEvent, OnePasswordNodeTypes.SignInAttemptEvent }.Select(type =>
            $"MATCH (e:{Name(type.Type)})\n"
            + $"USING INDEX e:{Name(type.Type)}({Declared(type, Timestamp)})\n"
            + $"WHERE e.{Declared(type, Timestamp)} >= $since AND e.{Declared(type, Timestamp)} <= $now AND e.{Declared(type, GraphProperties.Account)} = $account\n"
            + $"RETURN e.{Declared(type, Timestamp)} / {HourMilliseconds.ToString(CultureInfo.InvariantCulture)} AS hour, count(*) AS events\n");
        return string.Join("UNION ALL\n", streams).TrimEnd('\n');
    }

    // Every property name goes through its declaration, so a rename in the schema cannot leave stale Cypher behind.
    private static string P(string property) => Declared(OnePasswordNodeTypes.Alert, property);

    private static string W(string property) => Declared(OnePasswordNodeTypes.SyncState, property);

    private static string Declared(NodeType type, string property) =>
        Name(type.Property(property)?.Name ?? throw new InvalidOperationException($"{type.Type} does not declare '{property}'."));
}
