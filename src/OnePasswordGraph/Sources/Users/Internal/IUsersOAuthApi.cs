using OnePasswordGraph.Sources.Users.Internal.Protocol;
using Refit;

namespace OnePasswordGraph.Sources.Users.Internal;

/// <summary>The Users API's OAuth 2.0 endpoints (client credentials, HTTP Basic client authentication, form bodies).</summary>
[Headers("Accept: application/json")]
internal interface IUsersOAuthApi
{
    [Post("/v1beta1/users/oauth2/token")]
    Task<TokenResponse?> TokenAsync([Header("Authorization")] string basic, [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);

    /// <summary>Answers 200 with no body, also for a token it does not know.</summary>
    [Post("/v1beta1/users/oauth2/revoke")]
    Task RevokeAsync([Header("Authorization")] string basic, [Body(BodySerializationMethod.UrlEncoded)] Dictionary<string, string> form, CancellationToken cancellationToken);
}
