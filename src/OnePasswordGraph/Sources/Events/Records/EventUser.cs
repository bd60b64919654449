using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Records;

/// <summary>
/// A user as events carry it (<c>user</c>, <c>target_user</c>, <c>*_details</c>). v2 adds <c>user_type</c> (some
/// payloads spell it <c>type</c>) and <c>user_account_uuid</c>. Every member is optional.
/// </summary>
internal sealed record EventUser
{
    public string? Uuid { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? UserType { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    public string? UserAccountUuid { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }

    public string? EffectiveUserType => UserType ?? Type;
}
