namespace OnePasswordGraph.Graph.Schema;

/// <summary>Property groups shared by several declarations, so each is written once.</summary>
internal static class PropertySets
{
    public static readonly IReadOnlyList<PropertyDefinition> NodeCommon =
    [
        Str(GraphProperties.Key, "The 1Password uuid of the thing (unique per _type)."),
        Str(GraphProperties.Type, "The JupiterOne-style type, also the node's first label."),
        Str(GraphProperties.Class, "The JupiterOne data-model class, also the node's second label."),
        Str(GraphProperties.Account, "The configured name of the account the node was synced for (the scope of cleanup and leases).", indexed: true),
        Int(GraphProperties.FirstSeenOn, "When OnePasswordGraph first wrote the node (epoch ms); for events, the ingestion time."),
        Int(GraphProperties.LastSeenOn, "When OnePasswordGraph last wrote the node (epoch ms)."),
        Bool(GraphProperties.Placeholder, "True while the node is only known from a reference (an event naming an item Connect cannot see)."),
    ];

    public static readonly IReadOnlyList<PropertyDefinition> Inventory =
    [
        Str(GraphProperties.SyncTag, "The id of the last sync run whose complete listing contained the node.", indexed: true),
        Bool(GraphProperties.Active, "False once a complete listing no longer contains the node (soft delete)."),
        Int(GraphProperties.DeletedOn, "When a complete listing first missed the node (epoch ms)."),
        Int("createdOn", "When 1Password says it was created (epoch ms)."),
        Int("updatedOn", "When 1Password says it was last updated (epoch ms)."),
    ];

    public static readonly IReadOnlyList<PropertyDefinition> Client =
    [
        Str("appName", "Client application, e.g. 1Password Browser Extension.", indexed: true),
        Str("appVersion", "Client application version."),
        Str("platformName", "Browser or platform."),
        Str("platformVersion", "Browser version, machine model or CPU."),
        Str("osName", "Operating system."),
        Str("osVersion", "Operating system version."),
        Str("ipAddress", "IP address the client connected from.", indexed: true),
    ];

    public static readonly IReadOnlyList<PropertyDefinition> Location =
    [
        Str("country", "Country of the geolocated IP address (on sign-in attempts, the country 1Password attributes the attempt to, else the geolocated one)."),
        Str("region", "Region of the geolocated IP address."),
        Str("city", "City of the geolocated IP address."),
        Flt("latitude", "Latitude of the geolocated IP address."),
        Flt("longitude", "Longitude of the geolocated IP address."),
    ];

    public static readonly IReadOnlyList<PropertyDefinition> Event =
    [
        Str("name", "A one-line label of the event for Neo4j Browser."),
        Str("displayName", "Same as name."),
        Int("timestamp", "When the event happened (epoch ms).", indexed: true),
        Str("occurredAt", "When the event happened: the RFC 3339 text exactly as 1Password sent it (nanoseconds and offset kept; timestamp is the same time in epoch ms)."),
        Str("apiVersion", "The Events API version (v1 or v2) the record came from."),
    ];

    public static readonly IReadOnlyList<PropertyDefinition> RelationshipCommon =
    [
        Str(GraphProperties.Key, "fromKey|label|toKey."),
        Str(GraphProperties.Type, "The JupiterOne-style relationship type."),
        Str(GraphProperties.Class, "The relationship label."),
        Str(GraphProperties.Account, "The configured name of the account the relationship was synced for."),
        Int(GraphProperties.FirstSeenOn, "When OnePasswordGraph first wrote the relationship (epoch ms)."),
        Int(GraphProperties.LastSeenOn, "When OnePasswordGraph last wrote the relationship (epoch ms)."),
    ];

    public static PropertyDefinition Str(string name, string description, bool indexed = false) => new(name, PropertyKind.String, description, indexed);

    public static PropertyDefinition Int(string name, string description, bool indexed = false) => new(name, PropertyKind.Integer, description, indexed);

    public static PropertyDefinition Flt(string name, string description) => new(name, PropertyKind.Float, description);

    public static PropertyDefinition Bool(string name, string description) => new(name, PropertyKind.Boolean, description);

    public static PropertyDefinition List(string name, string description) => new(name, PropertyKind.StringList, description);

    public static IReadOnlyList<PropertyDefinition> Join(params IReadOnlyList<PropertyDefinition>[] groups) => groups.SelectMany(g => g).ToList();
}
