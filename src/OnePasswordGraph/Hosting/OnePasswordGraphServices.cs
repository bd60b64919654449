using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Hosting.Doctor;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sources;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Leases;
using OnePasswordGraph.Sync.Status;
using OnePasswordGraph.Sync.Steps;

namespace OnePasswordGraph.Hosting;

/// <summary>Registers the graph, the sync and the lease for resolved settings.</summary>
public static class OnePasswordGraphServices
{
    public static IServiceCollection AddOnePasswordGraph(this IServiceCollection services, ResolvedConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var neo4j = configuration.Neo4j;
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<SyncMetrics>();
        services.AddOnePasswordHttpClients();
        services.AddSingleton(configuration);
        services.AddSingleton(provider => new TransientRetry(
            "1Password", configuration.OnePasswordRetry, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger("OnePasswordGraph.Resilience.OnePassword")));
        services.AddSingleton<ICypherRunner>(provider => new RetryingCypherRunner(
            new Neo4jHttpCypherRunner(
                new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = neo4j.Url, Timeout = neo4j.RequestTimeout },
                neo4j,
                provider.GetRequiredService<ILogger<Neo4jHttpCypherRunner>>()),
            new TransientRetry("Neo4j", neo4j.Retry, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger("OnePasswordGraph.Resilience.Neo4j"))));
        services.AddSingleton(provider => new GraphWriter(
            provider.GetRequiredService<ICypherRunner>(), GraphSchema.OnePassword, neo4j.BatchSize, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<GraphWriter>>()));
        services.AddSingleton(provider => new GraphSchemaInstaller(provider.GetRequiredService<ICypherRunner>(), GraphSchema.OnePassword, provider.GetRequiredService<ILogger<GraphSchemaInstaller>>()));
        services.AddSingleton<SyncStateStore>();
        services.AddSingleton<StaleInventoryCleaner>();
        services.AddSingleton(provider => new AccountEraser(provider.GetRequiredService<ICypherRunner>(), GraphSchema.OnePassword));
        services.AddSingleton<ItemDetailsVersions>();
        services.AddSingleton<IAccountLease, Neo4jAccountLease>();
        services.AddSingleton<AlertMetrics>();
        services.AddSingleton<AlertRunner>();
        services.AddSingleton(configuration.Alerts);
        services.AddSingleton(_ => configuration.Alerts.LoadRules());
        services.AddSingleton<StepExecutor>();
        services.AddSingleton<AccountStepFactory>();
        services.AddSingleton<SyncRunner>();
        services.AddSingleton<ISyncRunner>(provider => provider.GetRequiredService<SyncRunner>());
        services.AddSingleton<LeasedSync>();
        services.AddSingleton<SetupDoctor>();
        services.AddSingleton<AccountStatusReader>();
        return services;
    }
}
