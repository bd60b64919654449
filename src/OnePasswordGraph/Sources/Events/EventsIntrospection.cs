namespace OnePasswordGraph.Sources.Events;

/// <summary>What introspection tells about a token: its integration, the features it may read, and its account.</summary>
public sealed record EventsIntrospection(string? IntegrationUuid, DateTimeOffset? IssuedAt, IReadOnlyList<string> Features, string? AccountUuid);
