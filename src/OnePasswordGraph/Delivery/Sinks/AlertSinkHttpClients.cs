using Microsoft.Extensions.DependencyInjection;

namespace OnePasswordGraph.Delivery.Sinks;

/// <summary>The named <see cref="HttpClient"/> the webhook and Slack sinks send with.</summary>
public static class AlertSinkHttpClients
{
    public const string Name = "alert-sinks";

    /// <summary>The longest one attempt may take; the retry policy's deadline bounds all attempts together.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    private static readonly string UserAgent = "OnePasswordGraph/" + (typeof(AlertSinkHttpClients).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    public static IServiceCollection AddAlertSinkHttpClient(this IServiceCollection services) =>
        services.AddHttpClient(Name)
            .ConfigureHttpClient(client =>
            {
                client.Timeout = AttemptTimeout;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
            })

            // A redirect would resend a signed finding to a host nobody configured; the final URL belongs in the settings.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })

            // Webhook and Slack URLs carry their secret in the path: no per-request log lines from the factory.
            .RemoveAllLoggers()
            .Services;
}
