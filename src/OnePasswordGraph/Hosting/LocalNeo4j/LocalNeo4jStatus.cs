namespace OnePasswordGraph.Hosting.LocalNeo4j;

/// <summary>What is there of the local Neo4j: the distribution, an instance with data, and whether it answers.</summary>
public sealed record LocalNeo4jStatus(LocalNeo4jLocation Location, bool Installed, bool Created, bool Running);
