namespace OnePasswordGraph.Sources.Connect.Records;

internal sealed record ConnectDependency
{
    public string? Service { get; init; }

    public string? Status { get; init; }

    public string? Message { get; init; }
}
