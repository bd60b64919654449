namespace OnePasswordGraph.Sources.Connect.Records;

/// <summary>A <c>{"id": …}</c> reference (an item's vault, a field's or file's section).</summary>
internal sealed record ConnectReference
{
    public string? Id { get; init; }
}
