using System.Text.Json;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.Simulator.Events;

/// <summary>Writes the shared sub-objects of events exactly as the Events API documents them.</summary>
internal static class EventJson
{
    public static void User(Utf8JsonWriter writer, string property, ScenarioUser user, bool v2, bool msp)
    {
        writer.WriteStartObject(property);
        writer.WriteString("uuid", user.Uuid);
        writer.WriteString("name", user.Name);
        writer.WriteString("email", user.Email);
        if (v2 && msp)
        {
            writer.WriteString("user_type", "external_user");
            writer.WriteString("user_account_uuid", "P2SFL6KXE5CJ7HTNQ4MWVZBR3U");
        }

        writer.WriteEndObject();
    }

    public static void Client(Utf8JsonWriter writer, ScenarioClient client, string ipAddress)
    {
        writer.WriteStartObject("client");
        writer.WriteString("app_name", client.AppName);
        writer.WriteString("app_version", client.AppVersion);
        writer.WriteString("platform_name", client.PlatformName);
        writer.WriteString("platform_version", client.PlatformVersion);
        writer.WriteString("os_name", client.OsName);
        writer.WriteString("os_version", client.OsVersion);
        writer.WriteString("ip_address", ipAddress);
        writer.WriteEndObject();
    }

    public static void Location(Utf8JsonWriter writer, ScenarioPlace place)
    {
        writer.WriteStartObject("location");
        writer.WriteString("country", place.Country);
        writer.WriteString("region", place.Region);
        writer.WriteString("city", place.City);
        writer.WriteNumber("latitude", place.Latitude);
        writer.WriteNumber("longitude", place.Longitude);
        writer.WriteEndObject();
    }
}
