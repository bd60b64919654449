using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Records;

/// <summary>
/// An audit event (<c>/api/v1|v2/auditevents</c>). <see cref="ActorType"/>, <see cref="ActorAccountUuid"/> and
/// <see cref="AccountUuid"/> are v2 only; the <c>*_details</c> users appear when the entity is a person.
/// </summary>
internal sealed record AuditEvent
{
    public required string Uuid { get; init; }

    public required EventTimestamp Timestamp { get; init; }

    public string? ActorUuid { get; init; }

    public EventUser? ActorDetails { get; init; }

    public string? ActorType { get; init; }

    public string? ActorAccountUuid { get; init; }

    public string? AccountUuid { get; init; }

    public string? Action { get; init; }

    public string? ObjectType { get; init; }

    public string? ObjectUuid { get; init; }

    public EventUser? ObjectDetails { get; init; }

    public long? AuxId { get; init; }

    public string? AuxUuid { get; init; }

    public EventUser? AuxDetails { get; init; }

    public string? AuxInfo { get; init; }

    public EventSession? Session { get; init; }

    public EventLocation? Location { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
