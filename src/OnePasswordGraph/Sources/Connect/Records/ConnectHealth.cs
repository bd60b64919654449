namespace OnePasswordGraph.Sources.Connect.Records;

/// <summary><c>GET /health</c>: the server's name and version, and the state of its dependencies.</summary>
internal sealed record ConnectHealth
{
    public string? Name { get; init; }

    public string? Version { get; init; }

    public IReadOnlyList<ConnectDependency>? Dependencies { get; init; }
}
