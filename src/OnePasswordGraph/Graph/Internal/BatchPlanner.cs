using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// Turns validated changes into statement rows: merges repeated nodes (a user named by every event of a page is
/// written once, with the union of its role labels; a full node wins over a placeholder of the same key), writes a
/// repeated relationship once, gathers the records of each aggregate pair, groups rows by part, stamps the
/// writer-maintained properties, and cuts the rows into batches (never parting aggregates from their records).
/// </summary>
internal static class BatchPlanner
{
    public static IEnumerable<PlannedWrite> Plan(GraphChanges changes, GraphWriteContext context, int batchSize)
    {
        var rows = new List<(WritePart Part, object Row)>();
        var entities = Merge(changes.Entities).ToList();
        foreach (var entity in entities)
        {
            var part = new WritePart.Nodes(entity.Type, (entity.RoleLabels ?? new HashSet<string>()).Order(StringComparer.Ordinal).ToList(), entity.IsPlaceholder);
            rows.Add((part, NodeRow(entity, context)));
        }

        // A page by a few dozen people names the same account-HAS-user pair hundreds of times; one row each is enough.
        var relationships = Distinct(changes.Relationships).ToList();

        // When everything goes in one statement, an end that is one of its nodes is already written when the
        // relationship is: the statement looks it up instead of merging it again.
        var single = rows.Count + relationships.Count + (changes.AggregateRefreshes?.Count ?? 0) <= batchSize || changes.AggregateRefreshes is { Count: > 0 };
        var written = single ? entities.Select(e => (e.Type.Type, e.Key)).ToHashSet() : [];
        foreach (var relationship in relationships)
        {
            var type = relationship.Type;
            var part = new WritePart.Relationships(type, written.Contains((type.From.Type, relationship.FromKey)), written.Contains((type.To.Type, relationship.ToKey)));
            rows.Add((part, RelationshipRow(relationship, part, context)));
        }

        var records = entities.ToDictionary(e => (e.Type.Type, e.Key), e => e.Properties);
        foreach (var group in (changes.AggregateRefreshes ?? []).GroupBy(r => (r.Aggregate, r.FromKey, r.ToKey)))
        {
            rows.Add((new WritePart.AggregateRefresh(group.Key.Aggregate), AggregateRow(group.Key.Aggregate, group.Key.FromKey, group.Key.ToKey, group.Select(r => r.RecordKey), records, context)));
        }

        // Parts keep the order rows arrived in, so nodes are written before the relationships that join them.
        var partOrder = rows.Select(r => r.Part).Distinct().Select((part, index) => (part, index)).ToDictionary(p => p.part, p => p.index);
        var ordered = rows.OrderBy(r => partOrder[r.Part]).ToList();

        // A record counts in an aggregate only in the statement that creates it, so aggregates and their records
        // are never cut apart.
        batchSize = changes.AggregateRefreshes is { Count: > 0 } ? int.MaxValue : batchSize;
        for (var start = 0; start < ordered.Count; start += batchSize)
        {
            yield return Group(ordered.Skip(start).Take(batchSize));
        }
    }

    public static PlannedWrite PlanSingle(GraphChanges changes, GraphWriteContext context)
    {
        var all = Plan(changes, context, int.MaxValue).ToList();
        return all.Count == 0 ? new PlannedWrite([], []) : all[0];
    }

    public static Dictionary<string, object?> NodeRow(GraphEntity entity, GraphWriteContext context) => new(StringComparer.Ordinal)
    {
        ["key"] = entity.Key,
        ["props"] = Stamped(entity.Properties, entity.Key, entity.Type.Type, entity.Type.Class, context),
    };

    private static Dictionary<string, object?> RelationshipRow(GraphRelationship relationship, WritePart.Relationships part, GraphWriteContext context)
    {
        var type = relationship.Type;
        var key = $"{relationship.FromKey}|{type.Label.ToLowerInvariant()}|{relationship.ToKey}";
        var row = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["from"] = relationship.FromKey,
            ["to"] = relationship.ToKey,
            ["props"] = Stamped(relationship.Properties, key, type.Type, type.Label, context),
        };
        if (!part.FromWritten)
        {
            row["fromProps"] = Stamped(EmptyProperties, relationship.FromKey, type.From.Type, type.From.Class, context);
        }

        if (!part.ToWritten)
        {
            row["toProps"] = Stamped(EmptyProperties, relationship.ToKey, type.To.Type, type.To.Class, context);
        }

        return row;
    }

    // The records' time and value travel with the row: the statement adds those of the records it creates, without
    // reading the pair's history.
    private static Dictionary<string, object?> AggregateRow(
        AggregateRelationship aggregate, string from, string to, IEnumerable<string> recordKeys,
        Dictionary<(string Type, string Key), IReadOnlyDictionary<string, object?>> records, GraphWriteContext context)
    {
        var type = aggregate.Relationship;
        var recordType = aggregate.Inbound.To.Type;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["from"] = from,
            ["to"] = to,
            ["props"] = Stamped(EmptyProperties, $"{from}|{type.Label.ToLowerInvariant()}|{to}", type.Type, type.Label, context),
            ["records"] = recordKeys.Distinct(StringComparer.Ordinal).Select(key => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["key"] = key,
                ["time"] = records[(recordType, key)].GetValueOrDefault(aggregate.TimeProperty),
                ["value"] = records[(recordType, key)].GetValueOrDefault(aggregate.ValueProperty),
            }).ToList(),
        };
    }

    // Repeated relationships of one page become one, keeping the last non-null value of each property.
    private static IEnumerable<GraphRelationship> Distinct(IReadOnlyList<GraphRelationship> relationships) =>
        relationships.GroupBy(r => (r.Type, r.FromKey, r.ToKey)).Select(g => g.Skip(1).Any()
            ? g.First() with
            {
                Properties = g.SelectMany(r => r.Properties).Where(p => p.Value is not null)
                    .GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Last().Value, StringComparer.Ordinal),
            }
            : g.First());

    private static readonly IReadOnlyDictionary<string, object?> EmptyProperties = new Dictionary<string, object?>();

    // Null values are left out: in Cypher, SET n += {p: null} removes p, and a missing value in one event must not
    // erase what an earlier one recorded.
    private static Dictionary<string, object?> Stamped(
        IReadOnlyDictionary<string, object?> properties, string key, string type, string? @class, GraphWriteContext context)
    {
        var stamped = properties.Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value is IEnumerable<string> list && p.Value is not string ? list.ToList() : p.Value, StringComparer.Ordinal);
        stamped[GraphProperties.Key] = key;
        stamped[GraphProperties.Type] = type;
        if (@class is not null)
        {
            stamped[GraphProperties.Class] = @class;
        }

        stamped[GraphProperties.Account] = context.Account;
        return stamped;
    }

    private static IEnumerable<GraphEntity> Merge(IReadOnlyList<GraphEntity> entities)
    {
        var merged = new Dictionary<(string Type, string Key), GraphEntity>();
        var order = new List<(string Type, string Key)>();
        foreach (var entity in entities)
        {
            var id = (entity.Type.Type, entity.Key);
            if (!merged.TryGetValue(id, out var seen))
            {
                merged[id] = entity;
                order.Add(id);
                continue;
            }

            merged[id] = (seen.IsPlaceholder, entity.IsPlaceholder) switch
            {
                (false, true) => seen with { RoleLabels = Union(seen.RoleLabels, entity.RoleLabels) },
                (true, false) => entity with { RoleLabels = Union(seen.RoleLabels, entity.RoleLabels) },
                _ => seen with
                {
                    Properties = seen.Properties.Concat(entity.Properties.Where(p => p.Value is not null))
                        .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal),
                    RoleLabels = Union(seen.RoleLabels, entity.RoleLabels),
                },
            };
        }

        return order.Select(id => merged[id]);
    }

    private static HashSet<string>? Union(IReadOnlySet<string>? first, IReadOnlySet<string>? second) =>
        first is null && second is null ? null : [.. first ?? new HashSet<string>(), .. second ?? new HashSet<string>()];

    private static PlannedWrite Group(IEnumerable<(WritePart Part, object Row)> rows)
    {
        var parts = new List<WritePart>();
        var grouped = new List<List<object?>>();
        foreach (var (part, row) in rows)
        {
            if (parts.Count == 0 || !parts[^1].Equals(part))
            {
                parts.Add(part);
                grouped.Add([]);
            }

            grouped[^1].Add(row);
        }

        return new PlannedWrite(parts, grouped);
    }
}
