using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Hosting;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Sync;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>Builds the product's sync runner against the test Neo4j, as the host would.</summary>
internal static class ScenarioSync
{
    public static SyncRunner CreateRunner(Neo4jServerFixture neo4j, TimeProvider? timeProvider = null)
    {
        var clock = timeProvider ?? TimeProvider.System;
        var retry = new TransientRetry("1Password", new RetryOptions { InitialDelay = TimeSpan.FromMilliseconds(20) }, clock, NullLogger.Instance);
        var writer = neo4j.CreateWriter(clock);
        var steps = new AccountStepFactory(writer, new SyncStateStore(neo4j.Runner, Neo4jServerFixture.CreateRetry()), retry, clock, NullLoggerFactory.Instance);
        return new SyncRunner(
            new GraphSchemaInstaller(neo4j.Runner, Neo4jServerFixture.CreateRetry(), GraphSchema.OnePassword, NullLogger<GraphSchemaInstaller>.Instance),
            writer, new StepExecutor(clock, NullLogger<StepExecutor>.Instance), steps, clock, NullLogger<SyncRunner>.Instance);
    }

    public static AccountSettings Account(Uri eventsUrl, string token, DateTimeOffset? backfill, string name = ConfigurationResolver.DefaultAccountName) =>
        new(name, new EventsSettings(eventsUrl, token, "v2", 1000, TimeSpan.FromSeconds(30), 600, 30000), null, backfill);
}
