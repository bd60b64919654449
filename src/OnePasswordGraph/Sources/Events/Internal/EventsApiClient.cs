using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OnePasswordGraph.Sources.Events.Internal.Protocol;
using OnePasswordGraph.Sources.Events.Records;

namespace OnePasswordGraph.Sources.Events.Internal;

/// <summary>The Events API over one <see cref="HttpClient"/> whose base address is the regional host.</summary>
internal sealed class EventsApiClient : IEventsApiClient
{
    private static readonly string UserAgent = "OnePasswordGraph/" + (typeof(EventsApiClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private readonly HttpClient _httpClient;
    private readonly string _token;
    private readonly string _apiVersion;
    private readonly RequestBudget _budget;
    private readonly TimeProvider _timeProvider;
    private readonly EventsApiErrors _errors;

    public EventsApiClient(HttpClient httpClient, string token, string apiVersion, RequestBudget budget, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _token = token;
        _apiVersion = apiVersion;
        _budget = budget;
        _timeProvider = timeProvider;
        _errors = new EventsApiErrors(httpClient.BaseAddress!, EventsTokenClaims.TryRead(token));
    }

    public async Task<EventsIntrospection> IntrospectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var v2 = await SendAsync(HttpMethod.Get, "/api/v2/auth/introspect", null, EventsApiJsonContext.Default.IntrospectionV2, null, cancellationToken).ConfigureAwait(false);
            return _errors.Remember(new EventsIntrospection(v2.Uuid, v2.IssuedAt, v2.Features ?? [], v2.AccountUuid));
        }
        catch (EventsApiException ex) when (ex.StatusCode == (int)HttpStatusCode.NotFound)
        {
            var v1 = await SendAsync(HttpMethod.Get, "/api/auth/introspect", null, EventsApiJsonContext.Default.IntrospectionV1, null, cancellationToken).ConfigureAwait(false);
            return _errors.Remember(new EventsIntrospection(v1.Uuid, v1.IssuedAt, v1.Features ?? [], null));
        }
    }

    public Task<EventPage<ItemUsage>> GetItemUsagesAsync(EventPageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync(EventStreamKind.ItemUsages, request, EventsApiJsonContext.Default.EventEnvelopeItemUsage, cancellationToken);

    public Task<EventPage<AuditEvent>> GetAuditEventsAsync(EventPageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync(EventStreamKind.AuditEvents, request, EventsApiJsonContext.Default.EventEnvelopeAuditEvent, cancellationToken);

    public Task<EventPage<SignInAttempt>> GetSignInAttemptsAsync(EventPageRequest request, CancellationToken cancellationToken) =>
        GetPageAsync(EventStreamKind.SignInAttempts, request, EventsApiJsonContext.Default.EventEnvelopeSignInAttempt, cancellationToken);

    private async Task<EventPage<TEvent>> GetPageAsync<TEvent>(
        EventStreamKind stream, EventPageRequest request, JsonTypeInfo<EventEnvelope<TEvent>> typeInfo, CancellationToken cancellationToken)
    {
        HttpContent body = request switch
        {
            EventPageRequest.Continue next => JsonContent.Create(new CursorRequest(next.Value), EventsApiJsonContext.Default.CursorRequest),
            EventPageRequest.Reset reset => JsonContent.Create(
                new ResetCursorRequest(reset.Limit, reset.StartTime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                EventsApiJsonContext.Default.ResetCursorRequest),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
        var envelope = await SendAsync(HttpMethod.Post, stream.Path(_apiVersion), body, typeInfo, stream, cancellationToken).ConfigureAwait(false);
        var cursor = envelope.Cursor ?? throw _errors.Malformed(stream.Path(_apiVersion), "the response has no cursor");
        return new EventPage<TEvent>(cursor, envelope.HasMore, envelope.Items ?? []);
    }

    private async Task<T> SendAsync<T>(
        HttpMethod method, string path, HttpContent? body, JsonTypeInfo<T> typeInfo, EventStreamKind? stream, CancellationToken cancellationToken)
    {
        await _budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, path) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.ParseAdd(UserAgent);
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw _errors.Unreachable(path, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw _errors.TimedOut(path, _httpClient.Timeout, ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                throw _errors.FromStatus((int)response.StatusCode, text, path, stream, EventsApiErrorClassifier.RetryAfter(response.Headers, _timeProvider.GetUtcNow()));
            }

            try
            {
                await using var stream2 = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return await JsonSerializer.DeserializeAsync(stream2, typeInfo, cancellationToken).ConfigureAwait(false)
                    ?? throw _errors.Malformed(path, "the body is empty");
            }
            catch (JsonException ex)
            {
                throw _errors.Malformed(path, ex.Message, ex);
            }
            catch (HttpRequestException ex)
            {
                // The connection died while the body was streaming.
                throw _errors.Unreachable(path, ex);
            }
        }
    }

    private static async Task<string?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var raw = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(raw))
            {
                return null;
            }

            try
            {
                return JsonSerializer.Deserialize(raw, EventsApiJsonContext.Default.ErrorBody)?.Text;
            }
            catch (JsonException)
            {
                // Gateways answer with HTML or plain text; the status says enough then.
                return null;
            }
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
