using System.Text;

namespace OnePasswordGraph.Sources.Users.Internal;

/// <summary>
/// The OAuth access token of one client: fetched with client credentials when first needed, reused until shortly
/// before it expires, fetched again after a 401, and revoked on dispose. Concurrent callers share one fetch.
/// </summary>
internal sealed class AccessTokenCache(IUsersOAuthApi api, string clientId, string clientSecret, TimeProvider timeProvider, UsersApiErrors errors) : IAsyncDisposable
{
    /// <summary>A token is renewed this long before 1Password would expire it, so a request never carries one that lapses in flight.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);

    // RFC 6749 2.3.1: client id and secret are form-encoded before they are joined for Basic authentication.
    private readonly string _basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(clientSecret)));
    private string? _token;
    private DateTimeOffset _renewAt;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is null || timeProvider.GetUtcNow() >= _renewAt)
            {
                await FetchAsync(cancellationToken).ConfigureAwait(false);
            }

            return _token!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="rejected"/> after the API refused it, so the next call fetches a new one.</summary>
    public void Invalidate(string rejected)
    {
        if (string.Equals(_token, rejected, StringComparison.Ordinal))
        {
            _token = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        var token = _token;
        _token = null;
        if (token is not null)
        {
            try
            {
                // Best effort at shutdown: the token lapses on its own within 15 minutes anyway.
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5), timeProvider);
                await api.RevokeAsync(_basic, new Dictionary<string, string> { ["token"] = token }, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is UsersApiException or OperationCanceledException or HttpRequestException)
            {
                // Nothing to do about it while shutting down.
            }
        }

        _gate.Dispose();
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        var answer = await api.TokenAsync(_basic, new Dictionary<string, string> { ["grant_type"] = "client_credentials" }, cancellationToken).ConfigureAwait(false);
        if (answer?.AccessToken is not { Length: > 0 } token)
        {
            throw errors.Malformed("/v1beta1/users/oauth2/token", "no access_token");
        }

        var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn is { } seconds && seconds > 0 ? seconds : 900);
        _token = token;
        _renewAt = timeProvider.GetUtcNow() + (lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2);
    }
}
