using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace OnePasswordGraph.Simulator.Users;

/// <summary>The OAuth part: the token and revoke endpoints and the bearer check.</summary>
public sealed partial class UsersSimulator
{
    private async Task<(int, byte[])> TokenAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return (405, UsersJson.OAuthError("invalid_request", "use POST"));
        }

        if (!Authenticated(request))
        {
            return (401, UsersJson.OAuthError("invalid_client", "client authentication failed"));
        }

        if (await FormAsync(request).ConfigureAwait(false) is not { } form)
        {
            return (400, UsersJson.OAuthError("invalid_request", "the body must be application/x-www-form-urlencoded"));
        }

        if (form.GetValueOrDefault("grant_type") != "client_credentials")
        {
            return (400, UsersJson.OAuthError("unsupported_grant_type", "only grant_type=client_credentials is supported"));
        }

        if (form.TryGetValue("scope", out var scope) && scope != "openid")
        {
            return (400, UsersJson.OAuthError("invalid_scope", "the only allowed scope is openid"));
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _tokens[token] = _options.TimeProvider.GetUtcNow() + _options.TokenLifetime;
        lock (_gate)
        {
            TokensIssued++;
        }

        return (200, UsersJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("access_token", token);
            writer.WriteString("token_type", "Bearer");
            writer.WriteNumber("expires_in", (long)_options.TokenLifetime.TotalSeconds);
            writer.WriteEndObject();
        }));
    }

    private async Task<(int, byte[])> RevokeAsync(HttpRequest request)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            return (405, UsersJson.OAuthError("invalid_request", "use POST"));
        }

        if (!Authenticated(request))
        {
            return (401, UsersJson.OAuthError("invalid_client", "client authentication failed"));
        }

        if (await FormAsync(request).ConfigureAwait(false) is not { } form || !form.TryGetValue("token", out var token))
        {
            return (400, UsersJson.OAuthError("invalid_request", "token is required"));
        }

        // RFC 7009: an unknown token is answered like a known one.
        _tokens.TryRemove(token, out _);
        _revoked.Enqueue(token);
        return (200, []);
    }

    private bool Authenticated(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        }
        catch (FormatException)
        {
            return false;
        }

        // RFC 6749 2.3.1: both halves are form-encoded before they are joined.
        var (id, secret) = decoded.Split(':', 2) is [var i, var s] ? (Uri.UnescapeDataString(i), Uri.UnescapeDataString(s)) : (string.Empty, string.Empty);
        lock (_gate)
        {
            return _clients.TryGetValue(id, out var expected)
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(secret));
        }
    }

    private static async Task<Dictionary<string, string>?> FormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync().ConfigureAwait(false);
        return form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
    }
}
