using System.Text.Json;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Simulator.Events;

/// <summary>An item usage (<c>/api/v1|v2/itemusages</c>).</summary>
public sealed record SimulatedItemUsage(
    string Uuid,
    DateTimeOffset Timestamp,
    int UsedVersion,
    string VaultUuid,
    string ItemUuid,
    string Action,
    ScenarioUser User,
    ScenarioClient Client,
    ScenarioPlace Place,
    string AccountUuid) : SimulatedEvent(Uuid, Timestamp)
{
    public override string Feature => "itemusages";

    public override void Write(Utf8JsonWriter writer, bool v2)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("uuid", Uuid);
        writer.WriteString("timestamp", Rfc3339(Timestamp));
        writer.WriteNumber("used_version", UsedVersion);
        writer.WriteString("vault_uuid", VaultUuid);
        writer.WriteString("item_uuid", ItemUuid);
        writer.WriteString("action", Action);
        EventJson.User(writer, "user", User, v2, msp: false);
        EventJson.Client(writer, Client, Place.IpAddress);
        EventJson.Location(writer, Place);
        if (v2)
        {
            writer.WriteString("account_uuid", AccountUuid);
        }

        writer.WriteEndObject();
    }
}
