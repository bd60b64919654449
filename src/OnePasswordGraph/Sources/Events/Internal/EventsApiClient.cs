using System.Net;
using OnePasswordGraph.Sources.Events.Internal.Protocol;
using OnePasswordGraph.Sources.Events.Records;

namespace OnePasswordGraph.Sources.Events.Internal;

/// <summary>One token's Events API: introspection and its three streams, all inside the token's request budget.</summary>
internal sealed class EventsApiClient : IEventsApiClient
{
    private const string IntrospectV2Path = "/api/v2/auth/introspect";
    private const string IntrospectV1Path = "/api/auth/introspect";

    private readonly IEventsApi _api;
    private readonly RequestBudget _budget;
    private readonly EventsApiErrors _errors;

    public EventsApiClient(IEventsApi api, string apiVersion, RequestBudget budget, EventsApiErrors errors)
    {
        _api = api;
        _budget = budget;
        _errors = errors;
        ItemUsages = new EventsPageSource<ItemUsage>(
            EventStreamKind.ItemUsages, apiVersion, budget, errors, EventsApiJsonContext.Default.ItemUsage, (body, token) => api.ItemUsagesAsync(apiVersion, body, token));
        AuditEvents = new EventsPageSource<AuditEvent>(
            EventStreamKind.AuditEvents, apiVersion, budget, errors, EventsApiJsonContext.Default.AuditEvent, (body, token) => api.AuditEventsAsync(apiVersion, body, token));
        SignInAttempts = new EventsPageSource<SignInAttempt>(
            EventStreamKind.SignInAttempts, apiVersion, budget, errors, EventsApiJsonContext.Default.SignInAttempt, (body, token) => api.SignInAttemptsAsync(apiVersion, body, token));
    }

    public IEventPageSource<ItemUsage> ItemUsages { get; }

    public IEventPageSource<AuditEvent> AuditEvents { get; }

    public IEventPageSource<SignInAttempt> SignInAttempts { get; }

    public async Task<EventsIntrospection> IntrospectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
            var v2 = await _api.IntrospectV2Async(cancellationToken).ConfigureAwait(false) ?? throw _errors.Malformed(IntrospectV2Path, "the body is empty");
            return _errors.Remember(new EventsIntrospection(v2.Uuid, v2.IssuedAt, v2.Features ?? [], v2.AccountUuid));
        }
        catch (EventsApiException ex) when (ex.StatusCode == (int)HttpStatusCode.NotFound)
        {
            await _budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
            var v1 = await _api.IntrospectV1Async(cancellationToken).ConfigureAwait(false) ?? throw _errors.Malformed(IntrospectV1Path, "the body is empty");
            return _errors.Remember(new EventsIntrospection(v1.Uuid, v1.IssuedAt, v1.Features ?? [], null));
        }
    }
}
