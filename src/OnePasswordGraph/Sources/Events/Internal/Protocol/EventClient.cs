using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>The 1Password client an item usage or sign-in attempt came from.</summary>
internal sealed record EventClient(
    string? AppName,
    string? AppVersion,
    string? PlatformName,
    string? PlatformVersion,
    string? OsName,
    string? OsVersion,
    string? IpAddress)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
