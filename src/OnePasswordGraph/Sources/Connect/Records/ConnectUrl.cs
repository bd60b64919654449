namespace OnePasswordGraph.Sources.Connect.Records;

/// <summary>A URL of an item. <c>href</c> may embed credentials or tokens: the mapper strips them.</summary>
internal sealed record ConnectUrl
{
    public string? Href { get; init; }

    public string? Label { get; init; }

    public bool? Primary { get; init; }
}
