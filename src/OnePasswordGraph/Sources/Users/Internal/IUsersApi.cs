using OnePasswordGraph.Sources.Users.Records;
using Refit;

namespace OnePasswordGraph.Sources.Users.Internal;

/// <summary>
/// The Users API's resource endpoints, as Refit generates their client; the bearer is the cached access token. A
/// failure arrives as a <see cref="UsersApiException"/> (see <see cref="UsersApiErrors"/>).
/// </summary>
[Headers("Authorization: Bearer", "Accept: application/json")]
internal interface IUsersApi
{
    [Get("/v1beta1/accounts/{accountId}/users")]
    Task<UserPage?> ListUsersAsync(
        string accountId,
        [AliasAs("page_token")] string? pageToken,
        [AliasAs("max_page_size")] int? maxPageSize,
        [AliasAs("filter")] string? filter,
        CancellationToken cancellationToken);

    [Get("/v1beta1/accounts/{accountId}/users/{userId}")]
    Task<OnePasswordUser?> GetUserAsync(string accountId, string userId, CancellationToken cancellationToken);

    [Post("/v1beta1/accounts/{accountId}/users/{userId}:suspend")]
    Task<OnePasswordUser?> SuspendAsync(string accountId, string userId, CancellationToken cancellationToken);

    [Post("/v1beta1/accounts/{accountId}/users/{userId}:reactivate")]
    Task<OnePasswordUser?> ReactivateAsync(string accountId, string userId, CancellationToken cancellationToken);
}
