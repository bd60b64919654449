using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Sources.Events.Records;
using static OnePasswordGraph.Graph.Schema.OnePasswordNodeTypes;
using static OnePasswordGraph.Graph.Schema.OnePasswordRelationshipTypes;

namespace OnePasswordGraph.Mapping.Events;

/// <summary>Collects the nodes and relationships of one page; shared by the three event mappers.</summary>
internal sealed class EventGraphBuilder(string accountKey)
{
    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

    private readonly List<GraphEntity> _entities = [];
    private readonly List<GraphRelationship> _relationships = [];
    private readonly List<AggregateRefresh> _refreshes = [];

    public void Event(NodeType type, string key, Dictionary<string, object?> properties) => _entities.Add(new GraphEntity(type, key, properties));

    /// <summary>Adds the user (one node per uuid, with the role label of this appearance) and scopes it to the account.</summary>
    public string? User(EventUser? user, string? uuid, string roleLabel)
    {
        var key = user?.Uuid ?? uuid;
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        var properties = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["userUUID"] = key,
            ["name"] = user?.Name,
            ["displayName"] = user?.Name,
            ["email"] = user?.Email,
            ["mspUserType"] = user?.EffectiveUserType,
            ["mspUserAccountId"] = user?.UserAccountUuid,
        };
        _entities.Add(new GraphEntity(OnePasswordNodeTypes.User, key, properties, new HashSet<string>(StringComparer.Ordinal) { roleLabel }));
        Relate(AccountHasUser, accountKey, key);
        return key;
    }

    /// <summary>Adds a placeholder of an item that Connect may not see; inventory fills it in later.</summary>
    public void SecretPlaceholder(string itemUuid, string? vaultUuid) =>
        _entities.Add(new GraphEntity(Secret, itemUuid, new Dictionary<string, object?> { ["itemUUID"] = itemUuid, ["vaultUUID"] = vaultUuid, ["vaultId"] = vaultUuid }, IsPlaceholder: true));

    /// <summary>Adds a placeholder of a vault that Connect may not see; inventory fills it in later.</summary>
    public void VaultPlaceholder(string vaultUuid) =>
        _entities.Add(new GraphEntity(Vault, vaultUuid, new Dictionary<string, object?> { ["vaultUUID"] = vaultUuid }, IsPlaceholder: true));

    public void Relate(RelationshipType type, string from, string to, IReadOnlyDictionary<string, object?>? properties = null) =>
        _relationships.Add(new GraphRelationship(type, from, to, properties ?? NoProperties));

    public void RefreshUsage(string user, string secret, string usage) => _refreshes.Add(new AggregateRefresh(UsageAggregate, user, secret, usage));

    public GraphChanges Build() => new(_entities, _relationships, _refreshes);
}
