using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Sources.Connect.Records;

namespace OnePasswordGraph.IntegrationTests.Rules.Support;

/// <summary>Connect inventory and sync bookkeeping.</summary>
internal sealed partial class RuleTestGraph
{
    /// <summary>Adds a vault as Connect lists it (with <c>(account)-[:HAS]-&gt;(vault)</c>).</summary>
    public RuleTestGraph Vault(string id, string? name = null)
    {
        _vaults.Add(new ConnectVault { Id = id, Name = name ?? id, Type = "USER_CREATED", Items = 0 });
        return this;
    }

    /// <summary>Adds an item as Connect lists it, in <paramref name="vault"/> (with <c>(vault)-[:HAS]-&gt;(secret)</c>).</summary>
    public RuleTestGraph Secret(string id, string vault, string? name = null, params string[] tags)
    {
        if (!_items.TryGetValue(vault, out var items))
        {
            _items[vault] = items = [];
        }

        items.Add(new ConnectItem { Id = id, Title = name ?? id, Vault = new ConnectReference { Id = vault }, Category = "LOGIN", Tags = tags, Version = 1 });
        return this;
    }

    /// <summary>Adds the sync-state node of <paramref name="stream"/> (itemusages, auditevents, signinattempts, run, ...) with <paramref name="properties"/>.</summary>
    /// <example><c>graph.SyncState("run", new() { ["lastRunOutcome"] = "succeeded", ["lastRunFinishedOn"] = at.ToUnixTimeMilliseconds() })</c></example>
    public RuleTestGraph SyncState(string stream, Dictionary<string, object?> properties)
    {
        var all = new Dictionary<string, object?>(properties, StringComparer.Ordinal) { ["stream"] = stream };

        // The key is the sync's own convention: "<account>:<stream>".
        _states.Add(new GraphEntity(OnePasswordNodeTypes.SyncState, $"{account}:{stream}", all));
        return this;
    }
}
