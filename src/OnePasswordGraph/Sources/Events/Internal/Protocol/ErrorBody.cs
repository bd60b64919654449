using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>
/// Both documented error bodies: <c>{"Error":{"Message":"…"}}</c> (observed on v1) and <c>{"status":…,"message":"…"}</c>
/// (the 1.4.1 reference).
/// </summary>
internal sealed record ErrorBody(
    [property: JsonPropertyName("Error")] ErrorDetail? Error,
    [property: JsonPropertyName("status")] int? Status,
    [property: JsonPropertyName("message")] string? Message)
{
    public string? Text => Error?.Message ?? Message;
}
