using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>
/// An audit event (<c>/api/v1|v2/auditevents</c>). <see cref="ActorType"/>, <see cref="ActorAccountUuid"/> and
/// <see cref="AccountUuid"/> are v2 only; the <c>*_details</c> users appear when the entity is a person.
/// </summary>
internal sealed record AuditEvent(
    string Uuid,
    DateTimeOffset Timestamp,
    string? ActorUuid,
    EventUser? ActorDetails,
    string? ActorType,
    string? ActorAccountUuid,
    string? AccountUuid,
    string? Action,
    string? ObjectType,
    string? ObjectUuid,
    EventUser? ObjectDetails,
    long? AuxId,
    string? AuxUuid,
    EventUser? AuxDetails,
    string? AuxInfo,
    EventSession? Session,
    EventLocation? Location)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
