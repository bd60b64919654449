using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Records;

/// <summary>Where the IP address of an event geolocates to; absent on older events.</summary>
internal sealed record EventLocation
{
    public string? Country { get; init; }

    public string? Region { get; init; }

    public string? City { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
