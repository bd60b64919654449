using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Sources.Events.Records;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Mapping.Events;

/// <summary>
/// Audit events: the event, its actor (<c>PERFORMED</c>), and what it changed (<c>UPDATED</c>): a user (the object or
/// the aux user), a vault (vault and vault-access objects, with the actor's <c>PERFORMED</c> edge to the vault) or an
/// item.
/// </summary>
internal sealed class AuditEventMapper(string accountKey) : IEventMapper<AuditEvent>
{
    // Object types whose object uuid is a vault: the vault itself, user-vault and group-vault access, vault keys.
    private static readonly HashSet<string> VaultObjectTypes = new(StringComparer.Ordinal) { "vault", "uva", "gva", "vaultkey" };

    public GraphChanges Map(IReadOnlyList<AuditEvent> events, string apiVersion)
    {
        var graph = new EventGraphBuilder(accountKey);
        foreach (var audit in events)
        {
            var properties = EventProperties.Common(
                $"{audit.Action ?? "action"} {audit.ObjectType ?? "object"} by {EventProperties.Who(audit.ActorDetails, audit.ActorUuid)}", audit.Timestamp, apiVersion);
            properties["accountUUID"] = audit.AccountUuid;
            properties["action"] = audit.Action;
            properties["actorUUID"] = audit.ActorUuid;
            properties["actorType"] = audit.ActorType;
            properties["actorAccountUUID"] = audit.ActorAccountUuid;
            properties["objectType"] = audit.ObjectType;
            properties["objectUUID"] = audit.ObjectUuid;
            properties["auxId"] = audit.AuxId;
            properties["auxUUID"] = audit.AuxUuid;
            properties["auxInfo"] = audit.AuxInfo;
            properties["sessionUUID"] = audit.Session?.Uuid;
            properties["sessionIP"] = audit.Session?.Ip;
            properties["sessionLoginOn"] = audit.Session?.LoginTime?.ToUnixTimeMilliseconds();
            properties["sessionDeviceUUID"] = audit.Session?.DeviceUuid;
            EventProperties.AddLocation(properties, audit.Location);
            graph.Event(OnePasswordNodeTypes.AuditEvent, audit.Uuid, properties);

            var actor = graph.User(audit.ActorDetails, audit.ActorUuid, "one_password_audit_event_actor_details");
            if (actor is not null)
            {
                graph.Relate(UserPerformedAuditEvent, actor, audit.Uuid);
            }

            MapObject(graph, audit, actor);
            if (graph.User(audit.AuxDetails, null, "one_password_audit_event_aux_details") is { } auxUser)
            {
                graph.Relate(AuditEventUpdatedUser, audit.Uuid, auxUser);
            }
        }

        return graph.Build();
    }

    public DateTimeOffset TimestampOf(AuditEvent item) => item.Timestamp.Value;

    public string UuidOf(AuditEvent item) => item.Uuid;

    private static void MapObject(EventGraphBuilder graph, AuditEvent audit, string? actor)
    {
        if (string.IsNullOrEmpty(audit.ObjectUuid))
        {
            return;
        }

        if (audit.ObjectDetails is not null || audit.ObjectType == "user")
        {
            var user = graph.User(audit.ObjectDetails, audit.ObjectUuid, "one_password_audit_event_object_details")!;
            graph.Relate(AuditEventUpdatedUser, audit.Uuid, user);
        }
        else if (audit.ObjectType is { } type && VaultObjectTypes.Contains(type))
        {
            graph.VaultPlaceholder(audit.ObjectUuid);
            graph.Relate(AuditEventUpdatedVault, audit.Uuid, audit.ObjectUuid);
            if (actor is not null)
            {
                graph.Relate(UserPerformedVault, actor, audit.ObjectUuid, new Dictionary<string, object?>
                {
                    ["lastAction"] = audit.Action,
                    ["lastActedOn"] = audit.Timestamp.Value.ToUnixTimeMilliseconds(),
                });
            }
        }
        else if (audit.ObjectType == "item")
        {
            graph.SecretPlaceholder(audit.ObjectUuid, null);
            graph.Relate(AuditEventUpdatedSecret, audit.Uuid, audit.ObjectUuid);
        }
    }
}
