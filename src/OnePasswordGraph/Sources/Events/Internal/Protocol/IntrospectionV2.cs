namespace OnePasswordGraph.Sources.Events.Internal.Protocol;

/// <summary><c>GET /api/v2/auth/introspect</c>; <c>account_uuid</c> exists since 1.4.1.</summary>
internal sealed record IntrospectionV2(string? Uuid, DateTimeOffset? IssuedAt, IReadOnlyList<string>? Features, string? AccountUuid);
