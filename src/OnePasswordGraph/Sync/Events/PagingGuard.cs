using System.Globalization;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.Sync.Events;

/// <summary>
/// Notices an Events API that pages forever, before a page of it is written: the cursor that was sent handed back
/// with <c>has_more: true</c> (the next request would be the same one) fails at once, and
/// <see cref="MaxPagesWithoutNewEvents"/> pages in a row with <c>has_more: true</c> that bring no event uuid of the
/// last <see cref="RememberedPages"/> pages fail then. Such a page is not written, so the stored cursor stays at the
/// last page that brought something new.
/// </summary>
internal sealed class PagingGuard(string account, string stream)
{
    /// <summary>Pages in a row that bring nothing new before the stream is given up on.</summary>
    public const int MaxPagesWithoutNewEvents = 10;

    /// <summary>How many recent pages' event uuids count as "already seen".</summary>
    public const int RememberedPages = 50;

    // Counted, not a set: a uuid stays remembered while any remembered page carried it.
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);
    private readonly Queue<IReadOnlyList<string>> _pages = new();
    private int _pagesWithoutNewEvents;

    /// <summary>
    /// Looks at a fetched page; returns whether it is worth writing (false for a page of <c>has_more: true</c> that
    /// brings nothing new).
    /// </summary>
    /// <param name="request">The request that fetched the page.</param>
    /// <param name="cursor">The cursor the page handed back.</param>
    /// <param name="hasMore">The page's <c>has_more</c>.</param>
    /// <param name="identities">The event uuids of the page, and something as stable for its malformed elements.</param>
    /// <exception cref="EndlessPagingException">The API is paging without end.</exception>
    public bool Admit(EventPageRequest request, string cursor, bool hasMore, IReadOnlyList<string> identities)
    {
        ArgumentNullException.ThrowIfNull(identities);
        if (hasMore && request is EventPageRequest.Continue { Value: var sent } && sent == cursor)
        {
            throw new EndlessPagingException(
                $"Account {account}: the Events API answered {stream} with the cursor it was sent and has_more true, so the next page would be the same request "
                + "again, forever. This is a fault of the Events API, not of the sync: nothing was written from that page and the stored cursor stays at the "
                + "last page written. Sync again later; if it keeps happening, report it to 1Password support with this message.");
        }

        var fresh = identities.Any(id => !_seen.ContainsKey(id));
        Remember(identities);
        if (fresh || !hasMore)
        {
            _pagesWithoutNewEvents = 0;
            return true;
        }

        if (++_pagesWithoutNewEvents >= MaxPagesWithoutNewEvents)
        {
            throw new EndlessPagingException(
                string.Create(CultureInfo.InvariantCulture, $"Account {account}: the Events API answered {stream} with {_pagesWithoutNewEvents} pages in a row that said has_more true but brought no event ")
                + string.Create(CultureInfo.InvariantCulture, $"the sync had not just received (each page's events were all on one of the last {RememberedPages} pages, or it had none). This is a fault ")
                + "of the Events API, not of the sync: those pages were not written, nothing is duplicated, and the stored cursor stays at the last page that "
                + "brought new events. Sync again later; if it keeps happening, report it to 1Password support with this message.");
        }

        return false;
    }

    private void Remember(IReadOnlyList<string> identities)
    {
        _pages.Enqueue(identities);
        foreach (var id in identities)
        {
            _seen[id] = _seen.GetValueOrDefault(id) + 1;
        }

        if (_pages.Count <= RememberedPages)
        {
            return;
        }

        foreach (var id in _pages.Dequeue())
        {
            if (--_seen[id] == 0)
            {
                _seen.Remove(id);
            }
        }
    }
}
