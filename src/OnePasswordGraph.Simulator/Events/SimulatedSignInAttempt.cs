using System.Text.Json;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Simulator.Events;

/// <summary>A sign-in attempt (<c>/api/v1|v2/signinattempts</c>).</summary>
public sealed record SimulatedSignInAttempt(
    string Uuid,
    string SessionUuid,
    DateTimeOffset Timestamp,
    string Category,
    string Type,
    string? DetailsValue,
    ScenarioUser TargetUser,
    ScenarioClient Client,
    ScenarioPlace Place,
    string AccountUuid) : SimulatedEvent(Uuid, Timestamp)
{
    public override string Feature => "signinattempts";

    public override void Write(Utf8JsonWriter writer, bool v2)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("uuid", Uuid);
        writer.WriteString("session_uuid", SessionUuid);
        writer.WriteString("timestamp", Rfc3339(Timestamp));
        writer.WriteString("category", Category);
        writer.WriteString("type", Type);
        writer.WriteString("country", Place.Country);

        // Real payloads carry "details": null rather than omitting it.
        if (DetailsValue is null)
        {
            writer.WriteNull("details");
        }
        else
        {
            writer.WriteStartObject("details");
            writer.WriteString("value", DetailsValue);
            writer.WriteEndObject();
        }

        EventJson.User(writer, "target_user", TargetUser, v2, msp: false);
        EventJson.Client(writer, Client, Place.IpAddress);
        EventJson.Location(writer, Place);
        if (v2)
        {
            writer.WriteString("account_uuid", AccountUuid);
        }

        writer.WriteEndObject();
    }
}
