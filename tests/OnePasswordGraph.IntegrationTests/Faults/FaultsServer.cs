using OnePasswordGraph.IntegrationTests.Support;
using Xunit.Abstractions;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>The fault suite's own Neo4j: always a dedicated instance (NEO4J_URL is not used), so it can be stopped.</summary>
public sealed class FaultsServer(IMessageSink messages) : IAsyncLifetime
{
    public Neo4jServerFixture Neo4j { get; } = new(messages, dedicated: true);

    public Task InitializeAsync()
    {
        // Each run of the suite writes a fresh table.
        if (File.Exists(FaultFigures.FilePath))
        {
            File.Delete(FaultFigures.FilePath);
        }

        return Neo4j.InitializeAsync();
    }

    public Task DisposeAsync() => Neo4j.DisposeAsync();
}
