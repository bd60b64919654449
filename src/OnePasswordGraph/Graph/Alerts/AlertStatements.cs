using System.Globalization;
using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Alerts.AlertStatementBuilder;

namespace OnePasswordGraph.Graph.Alerts;

/// <summary>Builds the statements (text and parameters) that store findings and rule watermarks.</summary>
public static class AlertStatements
{
    /// <summary>The status a finding is raised with.</summary>
    public const string OpenStatus = "open";

    private static readonly HashSet<string> StoreManaged = new(StringComparer.Ordinal)
    {
        GraphProperties.Key, GraphProperties.Type, GraphProperties.Class, GraphProperties.Account, GraphProperties.FirstSeenOn,
        GraphProperties.LastSeenOn, GraphProperties.Placeholder, CreatedOn, Status, CreatedByRun,
    };

    /// <summary>Gets the key of the sync-state node that holds a rule's watermark for an account.</summary>
    public static string WatermarkKey(string account, string ruleId) => $"{account}:{WatermarkStream(ruleId)}";

    /// <summary>Gets the stream name of a rule's watermark.</summary>
    public static string WatermarkStream(string ruleId) => "rule:" + ruleId;

    /// <summary>Stores <paramref name="alerts"/> in one statement; its one row's <c>created</c> column lists the keys this run created.</summary>
    /// <exception cref="GraphValidationException">A property is not declared on the alert type, or is one the store maintains itself.</exception>
    public static CypherStatement Store(IReadOnlyList<AlertRecord> alerts, string runId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var alert = OnePasswordNodeTypes.Alert;
        var problems = alerts.SelectMany(a => a.Properties.Keys
                .Where(p => alert.Property(p) is null || StoreManaged.Contains(p))
                .Select(p => $"{alert.Type} '{a.Key}': property '{p}' is not declared or is maintained by the store"))
            .Concat(alerts.Where(a => a.Properties.GetValueOrDefault(OccurredOn) is not long).Select(a => $"{alert.Type} '{a.Key}': occurredOn must be epoch milliseconds"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new GraphValidationException(problems);
        }

        var flags = OnePasswordRelationshipTypes.AlertFlags;
        var flagsByTarget = alerts
            .SelectMany(a => a.Targets.Distinct(StringComparer.Ordinal).Select(t => (Target: t, Row: FlagRow(a, t))))
            .GroupBy(f => f.Target, StringComparer.Ordinal)
            .ToList();
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["alerts"] = alerts.Select(a => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["key"] = a.Key, ["props"] = Props(a) }).ToList(),
            ["flags"] = flagsByTarget.ToDictionary(g => g.Key, g => (object?)g.Select(row => (object?)row.Row).ToList(), StringComparer.Ordinal),
            ["targets"] = flagsByTarget.Select(g => (object?)g.Key).ToList(),
            ["now"] = now.ToUnixTimeMilliseconds(),
            ["runId"] = runId,
            ["status"] = OpenStatus,
        };
        for (var i = 0; i < flags.Count; i++)
        {
            parameters["flagType" + i.ToString(CultureInfo.InvariantCulture)] = flags[i].Type;
        }

        return new CypherStatement(AlertStatementBuilder.Store(), parameters);
    }

    /// <summary>Reads the watermarks of <paramref name="ruleIds"/> in <paramref name="account"/>: rows of <c>key</c> and <c>lastEvaluatedOn</c>.</summary>
    public static CypherStatement ReadWatermarks(string account, IEnumerable<string> ruleIds) =>
        new(AlertStatementBuilder.ReadWatermarks(), new Dictionary<string, object?> { ["keys"] = ruleIds.Select(id => (object?)WatermarkKey(account, id)).ToList() });

    /// <summary>
    /// Counts <paramref name="account"/>'s events of the three streams from <paramref name="since"/> to
    /// <paramref name="now"/> per hour: rows of <c>hour</c> (epoch ms / 3,600,000) and <c>events</c>, an hour once per
    /// stream that has events in it.
    /// </summary>
    public static CypherStatement EventsPerHour(string account, DateTimeOffset since, DateTimeOffset now) =>
        new(AlertStatementBuilder.EventsPerHour(), new Dictionary<string, object?>
        {
            ["account"] = account,
            ["since"] = since.ToUnixTimeMilliseconds(),
            ["now"] = now.ToUnixTimeMilliseconds(),
        });

    /// <summary>Records that <paramref name="ruleId"/> was evaluated for <paramref name="account"/> up to <paramref name="evaluatedOn"/>.</summary>
    public static CypherStatement WriteWatermark(string account, string ruleId, DateTimeOffset evaluatedOn, DateTimeOffset now) =>
        new(AlertStatementBuilder.WriteWatermark(), new Dictionary<string, object?>
        {
            ["key"] = WatermarkKey(account, ruleId),
            ["now"] = now.ToUnixTimeMilliseconds(),
            ["props"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [GraphProperties.Key] = WatermarkKey(account, ruleId),
                [GraphProperties.Type] = OnePasswordNodeTypes.SyncState.Type,
                [GraphProperties.Account] = account,
                ["stream"] = WatermarkStream(ruleId),
                [LastEvaluatedOn] = evaluatedOn.ToUnixTimeMilliseconds(),
                ["updatedOn"] = now.ToUnixTimeMilliseconds(),
            },
        });

    private static Dictionary<string, object?> Props(AlertRecord alert)
    {
        var props = alert.Properties.Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value is IEnumerable<string> list && p.Value is not string ? list.ToList() : p.Value, StringComparer.Ordinal);
        props[GraphProperties.Key] = alert.Key;
        props[GraphProperties.Type] = OnePasswordNodeTypes.Alert.Type;
        props[GraphProperties.Class] = OnePasswordNodeTypes.Alert.Class;
        props[GraphProperties.Account] = alert.Account;
        return props;
    }

    private static Dictionary<string, object?> FlagRow(AlertRecord alert, string target) => new(StringComparer.Ordinal)
    {
        ["alert"] = alert.Key,
        ["props"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [GraphProperties.Key] = $"{alert.Key}|flags|{target}",
            [GraphProperties.Class] = OnePasswordRelationshipTypes.AlertFlags[0].Label,
            [GraphProperties.Account] = alert.Account,
        },
    };
}
