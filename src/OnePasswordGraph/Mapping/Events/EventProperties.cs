using OnePasswordGraph.Sources.Events.Records;

namespace OnePasswordGraph.Mapping.Events;

/// <summary>The property groups every event type shares, with JupiterOne's names.</summary>
internal static class EventProperties
{
    public static Dictionary<string, object?> Common(string name, EventTimestamp timestamp, string apiVersion) => new(StringComparer.Ordinal)
    {
        ["name"] = name,
        ["displayName"] = name,
        ["timestamp"] = timestamp.Value.ToUnixTimeMilliseconds(),
        ["occurredAt"] = timestamp.Text,
        ["apiVersion"] = apiVersion,
    };

    public static void AddClient(Dictionary<string, object?> properties, EventClient? client)
    {
        properties["appName"] = client?.AppName;
        properties["appVersion"] = client?.AppVersion;
        properties["platformName"] = client?.PlatformName;
        properties["platformVersion"] = client?.PlatformVersion;
        properties["osName"] = client?.OsName;
        properties["osVersion"] = client?.OsVersion;
        properties["ipAddress"] = client?.IpAddress;
    }

    public static void AddLocation(Dictionary<string, object?> properties, EventLocation? location)
    {
        properties["country"] = location?.Country;
        properties["region"] = location?.Region;
        properties["city"] = location?.City;
        properties["latitude"] = location?.Latitude;
        properties["longitude"] = location?.Longitude;
    }

    public static string Who(EventUser? user, string? uuid) => user?.Name ?? user?.Email ?? uuid ?? "unknown user";
}
