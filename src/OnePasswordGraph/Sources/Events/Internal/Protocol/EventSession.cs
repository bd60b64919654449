using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>The session an audit event's actor acted in.</summary>
internal sealed record EventSession(string? Uuid, DateTimeOffset? LoginTime, string? DeviceUuid, string? Ip)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
