using OnePasswordGraph.Sources.Users.Records;

namespace OnePasswordGraph.Sources.Users.Internal;

/// <summary>
/// The Users API through one OAuth client: <see cref="IUsersApi"/> with the cached access token, one retry with a
/// fresh token after a 401 (the token may have been revoked or lapsed early), and the documented refusals turned into
/// a <see cref="UserChangeResult"/>.
/// </summary>
internal sealed class UsersClient(IUsersApi api, AccessTokenCache tokens, UsersApiErrors errors) : IUsersClient
{
    public Task<UserPage> ListUsersAsync(string accountId, string? pageToken, int? maxPageSize, string? filter, CancellationToken cancellationToken) =>
        WithTokenAsync(async token => Required(await api.ListUsersAsync(accountId, pageToken, maxPageSize, filter, token).ConfigureAwait(false), "users"), cancellationToken);

    public Task<OnePasswordUser> GetUserAsync(string accountId, string userId, CancellationToken cancellationToken) =>
        WithTokenAsync(async token => Required(await api.GetUserAsync(accountId, userId, token).ConfigureAwait(false), "users/" + userId), cancellationToken);

    public Task<UserChangeResult> SuspendAsync(string accountId, string userId, CancellationToken cancellationToken) =>
        ChangeAsync(token => api.SuspendAsync(accountId, userId, token), userId + ":suspend", cancellationToken);

    public Task<UserChangeResult> ReactivateAsync(string accountId, string userId, CancellationToken cancellationToken) =>
        ChangeAsync(token => api.ReactivateAsync(accountId, userId, token), userId + ":reactivate", cancellationToken);

    public ValueTask DisposeAsync() => tokens.DisposeAsync();

    private async Task<UserChangeResult> ChangeAsync(Func<CancellationToken, Task<OnePasswordUser?>> call, string what, CancellationToken cancellationToken)
    {
        try
        {
            return UserChangeResult.Applied(await WithTokenAsync(async token => Required(await call(token).ConfigureAwait(false), what), cancellationToken).ConfigureAwait(false));
        }
        catch (UsersApiException ex) when (UsersApiErrors.IsRefusal(ex))
        {
            return UserChangeResult.Refused(ex.Message);
        }
    }

    private async Task<T> WithTokenAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var used = await tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (UsersApiException ex) when (ex.StatusCode == 401)
        {
            tokens.Invalidate(used);
            return await call(cancellationToken).ConfigureAwait(false);
        }
    }

    private T Required<T>(T? value, string what)
        where T : class => value ?? throw errors.Malformed("/v1beta1/…/" + what, "an empty body");
}
