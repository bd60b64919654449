namespace OnePasswordGraph.Sources.Connect.Internal.Protocol;

/// <summary>Connect's error body <c>{"status": …, "message": "…"}</c>.</summary>
internal sealed record ConnectError
{
    public int? Status { get; init; }

    public string? Message { get; init; }
}
