using System.Text.Json;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Simulator.Events;

/// <summary>An audit event (<c>/api/v1|v2/auditevents</c>); optional members are omitted when null, as the API does.</summary>
public sealed record SimulatedAuditEvent(
    string Uuid,
    DateTimeOffset Timestamp,
    ScenarioUser Actor,
    string Action,
    string ObjectType,
    string ObjectUuid,
    ScenarioUser? ObjectUser,
    long? AuxId,
    string? AuxUuid,
    ScenarioUser? AuxUser,
    string? AuxInfo,
    string SessionUuid,
    DateTimeOffset LoginTime,
    string DeviceUuid,
    ScenarioPlace Place,
    string AccountUuid) : SimulatedEvent(Uuid, Timestamp)
{
    public override string Feature => "auditevents";

    public override void Write(Utf8JsonWriter writer, bool v2)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("uuid", Uuid);
        writer.WriteString("timestamp", Rfc3339(Timestamp));
        writer.WriteString("actor_uuid", Actor.Uuid);
        EventJson.User(writer, "actor_details", Actor, v2, msp: false);
        if (v2)
        {
            writer.WriteString("actor_type", "user");
            writer.WriteString("actor_account_uuid", AccountUuid);
            writer.WriteString("account_uuid", AccountUuid);
        }

        writer.WriteString("action", Action);
        writer.WriteString("object_type", ObjectType);
        writer.WriteString("object_uuid", ObjectUuid);
        if (ObjectUser is not null)
        {
            EventJson.User(writer, "object_details", ObjectUser, v2, msp: false);
        }

        if (AuxId is { } auxId)
        {
            writer.WriteNumber("aux_id", auxId);
        }

        if (AuxUuid is not null)
        {
            writer.WriteString("aux_uuid", AuxUuid);
        }

        if (AuxUser is not null)
        {
            EventJson.User(writer, "aux_details", AuxUser, v2, msp: false);
        }

        if (AuxInfo is not null)
        {
            writer.WriteString("aux_info", AuxInfo);
        }

        writer.WriteStartObject("session");
        writer.WriteString("uuid", SessionUuid);
        writer.WriteString("login_time", Rfc3339(LoginTime));
        writer.WriteString("device_uuid", DeviceUuid);
        writer.WriteString("ip", Place.IpAddress);
        writer.WriteEndObject();
        EventJson.Location(writer, Place);
        writer.WriteEndObject();
    }
}
