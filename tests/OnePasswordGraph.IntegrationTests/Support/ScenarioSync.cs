using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sources.Users;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Steps;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>Builds the product's sync runner against the test Neo4j, as the host would.</summary>
internal static class ScenarioSync
{
    /// <summary>Builds the production sync runner; the alert rules run after each sync only when <paramref name="alerts"/> is true, so event-count tests see only what the sync wrote.</summary>
    public static SyncRunner CreateRunner(Neo4jServerFixture neo4j, TimeProvider? timeProvider = null, ILoggerFactory? loggers = null, SyncMetrics? metrics = null, bool alerts = false, IReadOnlyList<IAlertChannel>? channels = null, TimeSpan? firstEvaluationLookback = null,
        long maxEventsPerEvaluation = AlertRunOptions.DefaultMaxEventsPerEvaluation)
    {
        var clock = timeProvider ?? TimeProvider.System;
        var logs = loggers ?? NullLoggerFactory.Instance;
        var meters = metrics ?? new SyncMetrics(new TestMeterFactory());
        var alertMetrics = new AlertMetrics(new TestMeterFactory());
        var retry = new TransientRetry("1Password", new RetryOptions { InitialDelay = TimeSpan.FromMilliseconds(20), MaxRetryAttempts = 2 }, clock, logs.CreateLogger("retry"));
        var writer = neo4j.CreateWriter(clock);
        var cleaner = new StaleInventoryCleaner(neo4j.Runner, clock);
        var steps = new AccountStepFactory(
            writer, new SyncStateStore(neo4j.Runner), cleaner, new ItemDetailsVersions(neo4j.Runner), meters, retry, TestHttpClients.Create(meters), clock, logs,
            new UsersClients(TestHttpClients.Create(meters), clock));
        return new SyncRunner(
            new GraphSchemaInstaller(neo4j.Runner, GraphSchema.OnePassword, NullLogger<GraphSchemaInstaller>.Instance),
            writer, new StepExecutor(clock, logs.CreateLogger<StepExecutor>()), steps, meters,
            new AlertRunner(neo4j.Runner, alertMetrics, clock, logs.CreateLogger<AlertRunner>()),
            new AlertOutbox(neo4j.Runner, channels ?? [], DeliverySettings.None, alertMetrics, clock, logs.CreateLogger<AlertOutbox>()),
            RuleCatalog.LoadBuiltIn(),
            AlertSettings.Default with { Enabled = alerts, FirstEvaluationLookback = firstEvaluationLookback, MaxEventsPerEvaluation = maxEventsPerEvaluation }, clock, logs.CreateLogger<SyncRunner>());
    }

    public static AccountSettings Account(Uri eventsUrl, string token, DateTimeOffset? backfill, string name = ConfigurationResolver.DefaultAccountName) =>
        new(name, new EventsSettings(eventsUrl, token, "v2", 1000, TimeSpan.FromSeconds(30), 600, 30000), null, backfill);

    public static UsersSettings Users(Uri url, string accountId, string clientId, string secret, int pageSize = 1000) =>
        new(url, accountId, clientId, secret, TimeSpan.FromSeconds(30), pageSize);

    public static ConnectSettings Connect(Uri url, string token, bool fetchDetails = false) => new(url, token, fetchDetails, TimeSpan.FromSeconds(30));
}
