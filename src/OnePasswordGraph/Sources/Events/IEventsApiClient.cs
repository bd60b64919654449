using OnePasswordGraph.Sources.Events.Records;

namespace OnePasswordGraph.Sources.Events;

/// <summary>
/// One token's view of the Events API. Each call is one request (inside the token's request budget, which its three
/// streams share) and makes one attempt: failures come back as <see cref="EventsApiException"/> saying whether a
/// retry may help.
/// </summary>
internal interface IEventsApiClient
{
    /// <summary>Gets the token's integration, features and account (v2 introspection, or v1 where v2 is missing).</summary>
    Task<EventsIntrospection> IntrospectAsync(CancellationToken cancellationToken);

    IEventPageSource<ItemUsage> ItemUsages { get; }

    IEventPageSource<AuditEvent> AuditEvents { get; }

    IEventPageSource<SignInAttempt> SignInAttempts { get; }
}
