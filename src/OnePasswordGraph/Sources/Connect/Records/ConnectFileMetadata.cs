namespace OnePasswordGraph.Sources.Connect.Records;

/// <summary>A file's metadata; the content is deliberately absent (see <see cref="ConnectItemDetails"/>).</summary>
internal sealed record ConnectFileMetadata
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public long? Size { get; init; }

    public ConnectReference? Section { get; init; }
}
