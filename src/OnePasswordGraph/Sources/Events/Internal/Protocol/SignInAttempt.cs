using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>A sign-in attempt (<c>/api/v1|v2/signinattempts</c>). <see cref="AccountUuid"/> is v2 only.</summary>
internal sealed record SignInAttempt(
    string Uuid,
    string? SessionUuid,
    DateTimeOffset Timestamp,
    string? Category,
    string? Type,
    string? Country,
    SignInDetails? Details,
    EventUser? TargetUser,
    EventClient? Client,
    EventLocation? Location,
    string? AccountUuid)
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }
}
