namespace OnePasswordGraph.Sources.Connect.Records;

/// <summary>
/// What OnePasswordGraph reads of a full item (<c>GET /v1/vaults/{v}/items/{i}</c>): section labels, and the labels,
/// types and purposes of fields and the names and sizes of files. The secret members of the wire format (field
/// <c>value</c>, <c>totp</c>, <c>entropy</c>, <c>recipe</c>, file <c>content</c>) have no member here and no
/// extension-data bag to fall into, so they are dropped while the response is read.
/// </summary>
internal sealed record ConnectItemDetails
{
    public required string Id { get; init; }

    public IReadOnlyList<ConnectSection>? Sections { get; init; }

    public IReadOnlyList<ConnectFieldMetadata>? Fields { get; init; }

    public IReadOnlyList<ConnectFileMetadata>? Files { get; init; }
}
