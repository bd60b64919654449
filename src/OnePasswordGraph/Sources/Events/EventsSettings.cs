namespace OnePasswordGraph.Sources.Events;

/// <summary>Resolved Events API settings of one account. <see cref="ToString"/> never shows the token.</summary>
public sealed record EventsSettings(Uri BaseUrl, string Token, string ApiVersion, int PageSize, TimeSpan RequestTimeout, int RequestsPerMinute, int RequestsPerHour)
{
    public override string ToString() => $"EventsSettings {{ BaseUrl = {BaseUrl}, ApiVersion = {ApiVersion} }}";
}
