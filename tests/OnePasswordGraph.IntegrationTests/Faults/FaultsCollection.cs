namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>
/// The fault suite runs one test at a time on a Neo4j of its own that its outage scenarios stop and start, so that no
/// other test sees the outage. It runs beside the other collections: most of its time is spent waiting (on Neo4j's
/// start-up, retry backoffs, the soak's intervals).
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<FaultsServer>
{
    public const string Name = "Faults";
}
