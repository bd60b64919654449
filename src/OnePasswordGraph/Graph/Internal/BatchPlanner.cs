using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// Turns validated changes into statement rows: merges repeated nodes (a user named by every event of a page is
/// written once, with the union of its role labels; a full node wins over a placeholder of the same key), groups rows
/// by part, stamps the writer-maintained properties, and cuts the rows into batches.
/// </summary>
internal static class BatchPlanner
{
    public static IEnumerable<PlannedWrite> Plan(GraphChanges changes, GraphWriteContext context, int batchSize)
    {
        var rows = new List<(WritePart Part, object Row)>();
        foreach (var entity in Merge(changes.Entities))
        {
            var part = new WritePart.Nodes(entity.Type, (entity.RoleLabels ?? new HashSet<string>()).Order(StringComparer.Ordinal).ToList(), entity.IsPlaceholder);
            rows.Add((part, NodeRow(entity, context)));
        }

        foreach (var relationship in changes.Relationships)
        {
            rows.Add((new WritePart.Relationships(relationship.Type), RelationshipRow(relationship, context)));
        }

        foreach (var refresh in (changes.AggregateRefreshes ?? []).Distinct())
        {
            rows.Add((new WritePart.AggregateRefresh(refresh.Aggregate), AggregateRow(refresh, context)));
        }

        // Parts keep the order rows arrived in, so nodes are written before the relationships that join them.
        var partOrder = rows.Select(r => r.Part).Distinct().Select((part, index) => (part, index)).ToDictionary(p => p.part, p => p.index);
        var ordered = rows.OrderBy(r => partOrder[r.Part]).ToList();
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

    private static Dictionary<string, object?> RelationshipRow(GraphRelationship relationship, GraphWriteContext context)
    {
        var type = relationship.Type;
        var key = $"{relationship.FromKey}|{type.Label.ToLowerInvariant()}|{relationship.ToKey}";
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["from"] = relationship.FromKey,
            ["to"] = relationship.ToKey,
            ["fromProps"] = Stamped(EmptyProperties, relationship.FromKey, type.From.Type, type.From.Class, context),
            ["toProps"] = Stamped(EmptyProperties, relationship.ToKey, type.To.Type, type.To.Class, context),
            ["props"] = Stamped(relationship.Properties, key, type.Type, type.Label, context),
        };
    }

    private static Dictionary<string, object?> AggregateRow(AggregateRefresh refresh, GraphWriteContext context)
    {
        var type = refresh.Aggregate.Relationship;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["from"] = refresh.FromKey,
            ["to"] = refresh.ToKey,
            ["props"] = Stamped(EmptyProperties, $"{refresh.FromKey}|{type.Label.ToLowerInvariant()}|{refresh.ToKey}", type.Type, type.Label, context),
        };
    }

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
