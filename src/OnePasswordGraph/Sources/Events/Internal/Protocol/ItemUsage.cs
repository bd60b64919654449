using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>An item usage (<c>/api/v1|v2/itemusages</c>). <see cref="AccountUuid"/> is v2 only.</summary>
internal sealed record ItemUsage(
    string Uuid,
    DateTimeOffset Timestamp,
    int? UsedVersion,
    string? VaultUuid,
    string? ItemUuid,
    string? Action,
    EventUser? User,
    EventClient? Client,
    EventLocation? Location,
    string? AccountUuid)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
