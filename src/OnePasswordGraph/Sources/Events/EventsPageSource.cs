namespace OnePasswordGraph.Sources.Events;

/// <summary>One stream of the Events API as the sync pages it; a 400 on a stored cursor becomes <see cref="CursorRejectedException"/>.</summary>
internal sealed class EventsPageSource<TEvent>(
    EventStreamKind stream, string apiVersion, Func<EventPageRequest, CancellationToken, Task<EventPage<TEvent>>> fetch) : IEventPageSource<TEvent>
{
    public string Stream => stream.Feature();

    public string ApiVersion => apiVersion;

    public async Task<EventPage<TEvent>> FetchAsync(EventPageRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await fetch(request, cancellationToken).ConfigureAwait(false);
        }
        catch (EventsApiException ex) when (ex.StatusCode == 400 && request is EventPageRequest.Continue)
        {
            throw new CursorRejectedException(ex.Message, ex);
        }
    }
}
