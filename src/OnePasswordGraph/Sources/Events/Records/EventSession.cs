using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Records;

/// <summary>The session an audit event's actor acted in.</summary>
internal sealed record EventSession
{
    public string? Uuid { get; init; }

    public DateTimeOffset? LoginTime { get; init; }

    public string? DeviceUuid { get; init; }

    public string? Ip { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
