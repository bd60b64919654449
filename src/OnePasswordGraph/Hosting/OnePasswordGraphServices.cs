using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Delivery.Response;
using OnePasswordGraph.Delivery.Sinks;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Graph.Response;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Hosting.Doctor;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sources;
using OnePasswordGraph.Sources.Users;
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
            new ProtocolSelectingCypherRunner(
                new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = neo4j.Url, Timeout = neo4j.RequestTimeout },
                neo4j,
                provider.GetRequiredService<ILoggerFactory>()),
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
        AddDelivery(services, configuration.Delivery);
        services.AddSingleton<StepExecutor>();
        services.AddSingleton<AccountStepFactory>();
        services.AddSingleton<SyncRunner>();
        services.AddSingleton<ISyncRunner>(provider => provider.GetRequiredService<SyncRunner>());
        services.AddSingleton<LeasedSync>();
        services.AddSingleton<SetupDoctor>();
        services.AddSingleton<AccountStatusReader>();
        AddResponse(services, configuration);
        return services;
    }

    // Sinks retry for a minute at most: a receiver that stays down keeps its findings in the outbox for the next run
    // rather than holding up this one.
    private static readonly RetryOptions SinkRetry = new() { MaxRetryAttempts = 4, MaxDelay = TimeSpan.FromSeconds(30), Deadline = TimeSpan.FromMinutes(1) };

    private static void AddDelivery(IServiceCollection services, DeliverySettings delivery)
    {
        services.AddSingleton(delivery);
        services.AddAlertSinkHttpClient();
        if (delivery.Jsonl is { } jsonl)
        {
            services.AddSingleton<IAlertChannel>(provider => new JsonLinesSink(jsonl, Retry(provider, JsonLinesSink.ChannelName)));
        }

        if (delivery.Webhook is { } webhook)
        {
            services.AddSingleton<IAlertChannel>(provider => new WebhookSink(
                webhook, provider.GetRequiredService<IHttpClientFactory>(), Retry(provider, WebhookSink.ChannelName), provider.GetRequiredService<TimeProvider>()));
        }

        if (delivery.Slack is { } slack)
        {
            services.AddSingleton<IAlertChannel>(provider => new SlackSink(
                slack, provider.GetRequiredService<IHttpClientFactory>(), Retry(provider, SlackSink.ChannelName), provider.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<AlertOutbox>();
    }

    private static TransientRetry Retry(IServiceProvider provider, string channel) =>
        new("alert sink " + channel, SinkRetry, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>().CreateLogger("OnePasswordGraph.Resilience.AlertSinks"));

    private static void AddResponse(IServiceCollection services, ResolvedConfiguration configuration)
    {
        services.AddSingleton<ResponseActions>();
        services.AddSingleton(provider => new UserResponder(
            configuration.Accounts.Where(a => a.Users is not null).ToDictionary(a => a.Name, a => a.Users!, StringComparer.Ordinal),
            provider.GetRequiredService<UsersClients>(),
            provider.GetRequiredService<ResponseActions>(),
            provider.GetRequiredService<TransientRetry>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("OnePasswordGraph.Delivery.Response")));
        if (configuration.SuspendUser is { } suspendUser)
        {
            services.AddSingleton<IAlertChannel>(provider => new SuspendUserChannel(
                suspendUser,
                provider.GetRequiredService<UserResponder>(),
                provider.GetRequiredService<ResponseActions>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("OnePasswordGraph.Delivery.Response")));
        }
    }
}
