using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OnePasswordGraph.Sources.Events.Internal.Protocol;

namespace OnePasswordGraph.Sources.Events.Internal;

/// <summary>
/// One stream of one token: waits for the token's <see cref="RequestBudget"/>, posts the cursor (or a reset) and
/// returns the page. A 400 on a stored cursor becomes <see cref="CursorRejectedException"/>, so the sync restarts
/// the stream from its last event time. The page's elements are read one by one (<see cref="EventElements"/>).
/// </summary>
internal sealed class EventsPageSource<TEvent>(
    EventStreamKind stream,
    string apiVersion,
    RequestBudget budget,
    EventsApiErrors errors,
    JsonTypeInfo<TEvent> typeInfo,
    Func<PageRequestBody, CancellationToken, Task<EventEnvelope<JsonElement>?>> post) : IEventPageSource<TEvent>
{
    public string Stream => stream.Feature();

    public string ApiVersion => apiVersion;

    public async Task<EventPage<TEvent>> FetchAsync(EventPageRequest request, CancellationToken cancellationToken)
    {
        await budget.AcquireAsync(cancellationToken).ConfigureAwait(false);
        EventEnvelope<JsonElement>? envelope;
        try
        {
            envelope = await post(PageRequestBody.From(request), cancellationToken).ConfigureAwait(false);
        }
        catch (EventsApiException ex) when (ex.StatusCode == 400 && request is EventPageRequest.Continue)
        {
            throw new CursorRejectedException(ex.Message, ex);
        }

        var path = stream.Path(apiVersion);
        if (envelope is null)
        {
            throw errors.Malformed(path, "the body is empty");
        }

        var cursor = envelope.Cursor ?? throw errors.Malformed(path, "the response has no cursor");
        var (events, malformed) = EventElements.Read(envelope.Items ?? [], typeInfo);
        return new EventPage<TEvent>(cursor, envelope.HasMore, events) { Malformed = malformed };
    }
}
