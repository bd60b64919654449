using System.Text.Json;
using OnePasswordGraph.Sources.Events.Internal.Protocol;
using Refit;

namespace OnePasswordGraph.Sources.Events.Internal;

/// <summary>
/// The Events API's endpoints, as Refit generates their client. Each call is one request; a failure arrives as an
/// <see cref="EventsApiException"/> (see <see cref="EventsApiErrors"/>). A result is null when the body is empty. A page's
/// items stay JSON elements here: <see cref="EventElements"/> reads each, so one bad element spoils only itself.
/// </summary>
[Headers("Authorization: Bearer", "Accept: application/json")]
internal interface IEventsApi
{
    /// <summary>The token's integration, features and account (<c>account_uuid</c> since 1.4.1).</summary>
    [Get("/api/v2/auth/introspect")]
    Task<IntrospectionV2?> IntrospectV2Async(CancellationToken cancellationToken);

    /// <summary>The deprecated introspection, for servers that have no v2.</summary>
    [Get("/api/auth/introspect")]
    Task<IntrospectionV1?> IntrospectV1Async(CancellationToken cancellationToken);

    [Post("/api/{version}/itemusages")]
    Task<EventEnvelope<JsonElement>?> ItemUsagesAsync(string version, [Body] PageRequestBody body, CancellationToken cancellationToken);

    [Post("/api/{version}/auditevents")]
    Task<EventEnvelope<JsonElement>?> AuditEventsAsync(string version, [Body] PageRequestBody body, CancellationToken cancellationToken);

    [Post("/api/{version}/signinattempts")]
    Task<EventEnvelope<JsonElement>?> SignInAttemptsAsync(string version, [Body] PageRequestBody body, CancellationToken cancellationToken);
}
