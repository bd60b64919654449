using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Records;

/// <summary>An item usage (<c>/api/v1|v2/itemusages</c>). <see cref="AccountUuid"/> is v2 only.</summary>
internal sealed record ItemUsage
{
    public required string Uuid { get; init; }

    public required EventTimestamp Timestamp { get; init; }

    public int? UsedVersion { get; init; }

    public string? VaultUuid { get; init; }

    public string? ItemUuid { get; init; }

    public string? Action { get; init; }

    public EventUser? User { get; init; }

    public EventClient? Client { get; init; }

    public EventLocation? Location { get; init; }

    public string? AccountUuid { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
