namespace OnePasswordGraph.Sources.Connect.Records;

/// <summary>An item summary (<c>GET /v1/vaults/{id}/items</c>): metadata only, no fields.</summary>
internal sealed record ConnectItem
{
    public required string Id { get; init; }

    public string? Title { get; init; }

    public ConnectReference? Vault { get; init; }

    public string? Category { get; init; }

    public IReadOnlyList<ConnectUrl>? Urls { get; init; }

    public bool? Favorite { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public long? Version { get; init; }

    public string? State { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? LastEditedBy { get; init; }
}
