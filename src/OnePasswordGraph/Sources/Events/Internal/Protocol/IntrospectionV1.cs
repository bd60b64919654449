using System.Text.Json.Serialization;

namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary>The deprecated <c>GET /api/auth/introspect</c>, whose body is PascalCase.</summary>
internal sealed record IntrospectionV1(
    [property: JsonPropertyName("UUID")] string? Uuid,
    [property: JsonPropertyName("IssuedAt")] DateTimeOffset? IssuedAt,
    [property: JsonPropertyName("Features")] IReadOnlyList<string>? Features);
