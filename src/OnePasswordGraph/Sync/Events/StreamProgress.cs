using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Sync.Events;

/// <summary>Running totals of one stream's sync, for its step result and progress lines.</summary>
internal sealed class StreamProgress(long? newestEvent, long startedAt)
{
    private readonly Dictionary<string, long> _countsByType = new(StringComparer.Ordinal);

    public long StartedAt { get; } = startedAt;

    public long? NewestEvent { get; private set; } = newestEvent;

    public int Events { get; private set; }

    public int Pages { get; private set; }

    public IReadOnlyDictionary<string, long> CountsByType => _countsByType;

    public void Add(GraphChanges changes, int events, long? newest)
    {
        Pages++;
        Events += events;
        NewestEvent = newest;
        foreach (var entity in changes.Entities.Where(e => !e.IsPlaceholder))
        {
            _countsByType[entity.Type.Type] = _countsByType.GetValueOrDefault(entity.Type.Type) + 1;
        }

        foreach (var relationship in changes.Relationships)
        {
            _countsByType[relationship.Type.Type] = _countsByType.GetValueOrDefault(relationship.Type.Type) + 1;
        }
    }
}
