using Microsoft.Extensions.DependencyInjection;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Sources;
using OnePasswordGraph.Sources.Connect;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.Testing;

/// <summary>The product's named 1Password HTTP clients (metrics, User-Agent), over the network or over a test handler.</summary>
internal static class TestHttpClients
{
    public static IHttpClientFactory Create(SyncMetrics? metrics = null, Func<HttpMessageHandler>? primaryHandler = null)
    {
        var services = new ServiceCollection();
        if (metrics is not null)
        {
            services.AddSingleton(metrics);
        }

        services.AddOnePasswordHttpClients();
        if (primaryHandler is not null)
        {
            services.AddHttpClient(EventsApi.HttpClientName).ConfigurePrimaryHttpMessageHandler(primaryHandler);
            services.AddHttpClient(ConnectApi.HttpClientName).ConfigurePrimaryHttpMessageHandler(primaryHandler);
        }

        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
    }
}
