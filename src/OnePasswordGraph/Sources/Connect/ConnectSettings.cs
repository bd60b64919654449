namespace OnePasswordGraph.Sources.Connect;

/// <summary>Resolved Connect settings of one account. <see cref="ToString"/> never shows the token.</summary>
public sealed record ConnectSettings(Uri BaseUrl, string Token, bool FetchItemDetails, TimeSpan RequestTimeout)
{
    public override string ToString() => $"ConnectSettings {{ BaseUrl = {BaseUrl} }}";
}
