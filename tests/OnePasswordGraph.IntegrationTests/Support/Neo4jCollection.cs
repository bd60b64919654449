namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>Tests that use the shared Neo4j run one after another in this collection.</summary>
[CollectionDefinition(Name)]
public sealed class Neo4jCollection : ICollectionFixture<Neo4jServerFixture>
{
    public const string Name = "Neo4j";
}
