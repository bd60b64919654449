namespace OnePasswordGraph.Sources.Connect.Records;

/// <summary>A vault as <c>GET /v1/vaults</c> lists it. <c>items</c> is the number of active items.</summary>
internal sealed record ConnectVault
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public long? AttributeVersion { get; init; }

    public long? ContentVersion { get; init; }

    public long? Items { get; init; }

    public string? Type { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
