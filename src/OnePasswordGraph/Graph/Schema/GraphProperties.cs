namespace OnePasswordGraph.Graph.Schema;

/// <summary>Names of the properties the writer itself maintains on every node and relationship.</summary>
public static class GraphProperties
{
    public const string Key = "_key";
    public const string Type = "_type";
    public const string Class = "_class";
    public const string Account = "account";
    public const string FirstSeenOn = "firstSeenOn";
    public const string LastSeenOn = "lastSeenOn";
    public const string Placeholder = "placeholder";
    public const string SyncTag = "syncTag";
    public const string Active = "active";
    public const string DeletedOn = "deletedOn";
}
