using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Sources.Events;
using OnePasswordGraph.Sources.Users;

namespace OnePasswordGraph.Sources;

/// <summary>
/// Registers the named <see cref="HttpClient"/>s the 1Password clients are built on: pooled handlers, the product's
/// User-Agent and the per-API request metrics. Host, timeout and token are set per account when a client is created.
/// </summary>
public static class OnePasswordHttpClients
{
    private static readonly string UserAgent = "OnePasswordGraph/" + (typeof(OnePasswordHttpClients).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    public static IServiceCollection AddOnePasswordHttpClients(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<SyncMetrics>();
        Add(services, EventsApi.HttpClientName, "events");
        Add(services, ConnectApi.HttpClientName, "connect");
        Add(services, UsersApi.HttpClientName, "users");
        services.TryAddSingleton<UsersClients>();
        return services;
    }

    private static void Add(IServiceCollection services, string name, string api) =>
        services.AddHttpClient(name)
            .ConfigureHttpClient(client => client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent))
            .AddHttpMessageHandler(provider => new ApiRequestMetricsHandler(provider.GetRequiredService<SyncMetrics>(), api))

            // The clients' exceptions name host and path only; the factory's own log lines would add full URLs (with
            // Connect's filters, which name vaults and items) for every request.
            .RemoveAllLoggers();
}
