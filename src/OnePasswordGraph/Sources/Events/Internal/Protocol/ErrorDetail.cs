using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

internal sealed record ErrorDetail([property: JsonPropertyName("Message")] string? Message);
