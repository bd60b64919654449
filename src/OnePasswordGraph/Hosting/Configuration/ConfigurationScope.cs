namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>How much of the configuration a command needs.</summary>
public enum ConfigurationScope
{
    /// <summary>Everything a sync needs: 1Password endpoints and tokens, and Neo4j.</summary>
    Full,

    /// <summary>Neo4j, the accounts' names and the alert settings: commands that only read or analyse the graph (status, alerts) never need a 1Password token.</summary>
    GraphOnly,
}
