using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>Where the IP address of an event geolocates to; absent on older events.</summary>
internal sealed record EventLocation(string? Country, string? Region, string? City, double? Latitude, double? Longitude)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
