using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Records;

/// <summary>The 1Password client an item usage or sign-in attempt came from.</summary>
internal sealed record EventClient
{
    public string? AppName { get; init; }

    public string? AppVersion { get; init; }

    public string? PlatformName { get; init; }

    public string? PlatformVersion { get; init; }

    public string? OsName { get; init; }

    public string? OsVersion { get; init; }

    public string? IpAddress { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
