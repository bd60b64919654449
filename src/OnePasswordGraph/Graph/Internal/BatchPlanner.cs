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
        var relationships = Distinct(changes.Relationships);

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

    // Repeated relationships of one page become one, in the order they first came, keeping the last non-null value of
    // each property.
    private static List<GraphRelationship> Distinct(IReadOnlyList<GraphRelationship> relationships)
    {
        var distinct = new List<GraphRelationship>(relationships.Count);
        var positions = new Dictionary<(RelationshipType Type, string From, string To), int>(relationships.Count);
        var gathered = new Dictionary<int, Dictionary<string, object?>>();
        foreach (var relationship in relationships)
        {
            if (!positions.TryGetValue((relationship.Type, relationship.FromKey, relationship.ToKey), out var position))
            {
                positions[(relationship.Type, relationship.FromKey, relationship.ToKey)] = distinct.Count;
                distinct.Add(relationship);
                continue;
            }

            if (!gathered.TryGetValue(position, out var properties))
            {
                properties = new Dictionary<string, object?>(StringComparer.Ordinal);
                AddNonNull(properties, distinct[position].Properties);
                gathered[position] = properties;
                distinct[position] = distinct[position] with { Properties = properties };
            }

            AddNonNull(properties, relationship.Properties);
        }

        return distinct;
    }

    private static void AddNonNull(Dictionary<string, object?> target, IReadOnlyDictionary<string, object?> properties)
    {
        foreach (var (name, value) in properties)
        {
            if (value is not null)
            {
                target[name] = value;
            }
        }
    }

    private static readonly IReadOnlyDictionary<string, object?> EmptyProperties = new Dictionary<string, object?>();

    // Null values are left out: in Cypher, SET n += {p: null} removes p, and a missing value in one event must not
    // erase what an earlier one recorded.
    private static Dictionary<string, object?> Stamped(
        IReadOnlyDictionary<string, object?> properties, string key, string type, string? @class, GraphWriteContext context)
    {
        // A row per node and relationship of every page: a plain loop, sized once.
        var stamped = new Dictionary<string, object?>(properties.Count + 4, StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            if (value is not null)
            {
                stamped[name] = value is IEnumerable<string> list && value is not string ? list.ToList() : value;
            }
        }

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

        // The properties of an entity named again (a user in every event of a page), gathered in one dictionary of
        // its own instead of a new one per repeat.
        var gathered = new Dictionary<(string Type, string Key), Dictionary<string, object?>>();
        foreach (var entity in entities)
        {
            var id = (entity.Type.Type, entity.Key);
            if (!merged.TryGetValue(id, out var seen))
            {
                merged[id] = entity;
                order.Add(id);
                continue;
            }

            switch (seen.IsPlaceholder, entity.IsPlaceholder)
            {
                case (false, true):
                    merged[id] = seen with { RoleLabels = Union(seen.RoleLabels, entity.RoleLabels) };
                    break;
                case (true, false):
                    gathered.Remove(id);
                    merged[id] = entity with { RoleLabels = Union(seen.RoleLabels, entity.RoleLabels) };
                    break;
                default:
                    if (!gathered.TryGetValue(id, out var properties))
                    {
                        properties = new Dictionary<string, object?>(seen.Properties, StringComparer.Ordinal);
                        gathered[id] = properties;
                    }

                    AddNonNull(properties, entity.Properties);
                    merged[id] = seen with { Properties = properties, RoleLabels = Union(seen.RoleLabels, entity.RoleLabels) };
                    break;
            }
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
