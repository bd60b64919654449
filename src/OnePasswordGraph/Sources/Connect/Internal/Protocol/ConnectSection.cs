namespace OnePasswordGraph.Sources.Connect.Internal.Protocol;

internal sealed record ConnectSection
{
    public string? Id { get; init; }

    public string? Label { get; init; }
}
