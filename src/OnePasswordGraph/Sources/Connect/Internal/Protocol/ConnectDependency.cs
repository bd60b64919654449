namespace OnePasswordGraph.Sources.Connect.Internal.Protocol;

internal sealed record ConnectDependency
{
    public string? Service { get; init; }

    public string? Status { get; init; }

    public string? Message { get; init; }
}
