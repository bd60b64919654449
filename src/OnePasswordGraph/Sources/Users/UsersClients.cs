using System.Collections.Concurrent;

namespace OnePasswordGraph.Sources.Users;

/// <summary>
/// One Users API client per account, shared by the <c>users</c> step, the suspend-user response and the CLI, so one
/// access token serves them all; disposing revokes every token (at shutdown).
/// </summary>
public sealed class UsersClients(IHttpClientFactory httpClients, TimeProvider timeProvider) : IAsyncDisposable, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<IUsersClient>> _clients = new(StringComparer.Ordinal);

    /// <summary>Gets the client of <paramref name="account"/>, made from <paramref name="settings"/> on first use.</summary>
    public IUsersClient For(string account, UsersSettings settings) =>
        _clients.GetOrAdd(account, _ => new Lazy<IUsersClient>(() => UsersApi.CreateClient(httpClients, settings, timeProvider))).Value;

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            await client.Value.DisposeAsync().ConfigureAwait(false);
        }

        _clients.Clear();
    }

    /// <summary>
    /// Forgets the clients without revoking: a container disposed synchronously cannot wait for the revocations, and
    /// an unrevoked access token lapses on its own within 15 minutes.
    /// </summary>
    public void Dispose() => _clients.Clear();
}
