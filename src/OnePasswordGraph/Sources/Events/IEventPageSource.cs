namespace OnePasswordGraph.Sources.Events;

/// <summary>Fetches one page of one Events API stream. Makes one attempt; the sync decides about retries.</summary>
public interface IEventPageSource<TEvent>
{
    /// <summary>Gets the stream's name as the Events API names its feature: itemusages, auditevents or signinattempts.</summary>
    string Stream { get; }

    /// <summary>Gets the API version (v1 or v2) of the endpoint; a cursor belongs to one version.</summary>
    string ApiVersion { get; }

    /// <summary>Fetches a page.</summary>
    /// <exception cref="CursorRejectedException">The API refused a stored cursor (HTTP 400 on a cursor request).</exception>
    Task<EventPage<TEvent>> FetchAsync(EventPageRequest request, CancellationToken cancellationToken);
}
