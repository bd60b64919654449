using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Sources.Events.Records;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Mapping.Events;

/// <summary>
/// Item usages: the event, its user (<c>PERFORMED</c>), the item it touched (<c>ACCESSED</c>, a placeholder until
/// inventory fills it in), and the usage added to the user's <c>USED</c> aggregate for that item.
/// </summary>
internal sealed class ItemUsageMapper(string accountKey) : IEventMapper<ItemUsage>
{
    public GraphChanges Map(IReadOnlyList<ItemUsage> events, string apiVersion)
    {
        var graph = new EventGraphBuilder(accountKey);
        foreach (var usage in events)
        {
            var properties = EventProperties.Common(
                $"{usage.Action ?? "use"} by {EventProperties.Who(usage.User, usage.User?.Uuid)}", usage.Timestamp, apiVersion);
            properties["mspAccountUUID"] = usage.AccountUuid;
            properties["action"] = usage.Action;
            properties["usedVersion"] = usage.UsedVersion is { } version ? (long)version : null;
            properties["vaultUUID"] = usage.VaultUuid;
            properties["itemUUID"] = usage.ItemUuid;
            properties["userUUID"] = usage.User?.Uuid;
            EventProperties.AddClient(properties, usage.Client);
            EventProperties.AddLocation(properties, usage.Location);
            graph.Event(ItemUsageEvent, usage.Uuid, properties);

            var user = graph.User(usage.User, null, "one_password_item_usage_user");
            if (user is not null)
            {
                graph.Relate(UserPerformedItemUsage, user, usage.Uuid);
            }

            if (!string.IsNullOrEmpty(usage.ItemUuid))
            {
                graph.SecretPlaceholder(usage.ItemUuid, usage.VaultUuid);
                graph.Relate(ItemUsageAccessedSecret, usage.Uuid, usage.ItemUuid);
                if (user is not null)
                {
                    graph.RefreshUsage(user, usage.ItemUuid, usage.Uuid);
                }
            }
        }

        return graph.Build();
    }

    public DateTimeOffset TimestampOf(ItemUsage item) => item.Timestamp.Value;

    public string UuidOf(ItemUsage item) => item.Uuid;
}
