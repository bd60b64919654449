namespace OnePasswordGraph.Sources.Connect.Records;

/// <summary>A field's metadata; the value is deliberately absent (see <see cref="ConnectItemDetails"/>).</summary>
internal sealed record ConnectFieldMetadata
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public string? Purpose { get; init; }

    public string? Label { get; init; }

    public ConnectReference? Section { get; init; }
}
