using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph.Jobs;

/// <summary>Queries printed for a person to paste into Neo4j Browser (not run by OnePasswordGraph), made from the schema's names.</summary>
public static class BrowserQueries
{
    /// <summary>A first look at an account: its users and what they touch, drawn as a graph.</summary>
    public static string FirstLook(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return $"MATCH (u:`{OnePasswordNodeTypes.User.Type}` {{account: '{account.Replace("'", "\\'", StringComparison.Ordinal)}'}})-[r]-(x) RETURN u, r, x LIMIT 100";
    }
}
