using System.Text.Json;
using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Records;

/// <summary>A sign-in attempt (<c>/api/v1|v2/signinattempts</c>). <see cref="AccountUuid"/> is v2 only.</summary>
internal sealed record SignInAttempt
{
    public required string Uuid { get; init; }

    public string? SessionUuid { get; init; }

    public required EventTimestamp Timestamp { get; init; }

    public string? Category { get; init; }

    public string? Type { get; init; }

    public string? Country { get; init; }

    public SignInDetails? Details { get; init; }

    public EventUser? TargetUser { get; init; }

    public EventClient? Client { get; init; }

    public EventLocation? Location { get; init; }

    public string? AccountUuid { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
