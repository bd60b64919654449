namespace OnePasswordGraph.Sources.Users;

/// <summary>
/// Resolved Users API settings of one account. <see cref="AccountId"/> is null when it is to be taken from the Events
/// token's introspection. <see cref="ToString"/> never shows the client secret.
/// </summary>
public sealed record UsersSettings(Uri BaseUrl, string? AccountId, string ClientId, string ClientSecret, TimeSpan RequestTimeout, int PageSize)
{
    public override string ToString() => $"UsersSettings {{ BaseUrl = {BaseUrl}, AccountId = {AccountId}, ClientId = {ClientId} }}";
}
