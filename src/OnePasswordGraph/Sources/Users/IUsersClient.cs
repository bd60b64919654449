using OnePasswordGraph.Sources.Users.Records;

namespace OnePasswordGraph.Sources.Users;

/// <summary>
/// The Users API of one account through one OAuth client. Each call makes one attempt (plus one with a fresh access
/// token after a 401); failures arrive as <see cref="UsersApiException"/>, classified as transient or not.
/// Disposing revokes the access token, best effort.
/// </summary>
public interface IUsersClient : IAsyncDisposable
{
    /// <summary>Lists one page of users; <paramref name="filter"/> is <c>user.isActive()</c> or <c>user.isSuspended()</c>.</summary>
    Task<UserPage> ListUsersAsync(string accountId, string? pageToken, int? maxPageSize, string? filter, CancellationToken cancellationToken);

    Task<OnePasswordUser> GetUserAsync(string accountId, string userId, CancellationToken cancellationToken);

    /// <summary>Suspends a user; the documented refusals (externally managed admin, last owner) come back as <see cref="UserChangeOutcome.Refused"/>.</summary>
    Task<UserChangeResult> SuspendAsync(string accountId, string userId, CancellationToken cancellationToken);

    /// <summary>Reactivates a suspended user; a refusal comes back as <see cref="UserChangeOutcome.Refused"/>.</summary>
    Task<UserChangeResult> ReactivateAsync(string accountId, string userId, CancellationToken cancellationToken);
}
