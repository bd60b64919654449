namespace OnePasswordGraph.Sources.Connect.Records;

internal sealed record ConnectSection
{
    public string? Id { get; init; }

    public string? Label { get; init; }
}
