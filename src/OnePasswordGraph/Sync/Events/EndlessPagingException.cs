using OnePasswordGraph.Diagnostics;

namespace OnePasswordGraph.Sync.Events;

/// <summary>
/// The Events API kept answering <c>has_more: true</c> without moving on (see <see cref="PagingGuard"/>). The stream's
/// step fails; its stored cursor stays at the last page that brought new events, and nothing was written twice.
/// </summary>
public sealed class EndlessPagingException : OnePasswordGraphException
{
    public EndlessPagingException(string message)
        : base(message)
    {
    }

    public EndlessPagingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
