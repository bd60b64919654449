using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Hosting;
using OnePasswordGraph.Hosting.Configuration;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace OnePasswordGraph.Cli;

/// <summary>What every command that talks to 1Password or Neo4j shares: resolving the configuration, logging, metrics export.</summary>
internal static class CliServices
{
    /// <summary>Resolves the configuration, or prints every problem to <paramref name="error"/> and returns null (exit 2).</summary>
    public static Task<ResolvedConfiguration?> ResolveAsync(FileInfo? configFile, string? onlyAccount, TextWriter error) =>
        ResolveAsync(() => CliConfiguration.Build(configFile), onlyAccount, error);

    /// <summary>Resolves the configuration <paramref name="build"/> returns, or prints every problem to <paramref name="error"/> and returns null (exit 2).</summary>
    public static async Task<ResolvedConfiguration?> ResolveAsync(Func<IConfiguration> build, string? onlyAccount, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(build);
        ResolvedConfiguration configuration;
        try
        {
            configuration = ConfigurationResolver.Resolve(build());
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return null;
        }

        if (onlyAccount is null)
        {
            return configuration;
        }

        var accounts = configuration.Accounts.Where(a => string.Equals(a.Name, onlyAccount, StringComparison.Ordinal)).ToList();
        if (accounts.Count == 0)
        {
            await error.WriteLineAsync($"--account: no account is named '{onlyAccount}'; configured: {string.Join(", ", configuration.Accounts.Select(a => a.Name))}.").ConfigureAwait(false);
            return null;
        }

        return configuration with { Accounts = accounts };
    }

    /// <summary>Registers logging to the console (single lines, UTC), the product's services and, when configured, OTLP metrics export.</summary>
    public static IServiceCollection Add(IServiceCollection services, ResolvedConfiguration configuration, LogLevel minimumLevel)
    {
        services
            .AddLogging(logging => logging
                .SetMinimumLevel(minimumLevel)
                .AddSimpleConsole(console => { console.SingleLine = true; console.UseUtcTimestamp = true; console.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ "; }))
            .AddOnePasswordGraph(configuration);
        if (configuration.OtlpEndpoint is { } endpoint)
        {
            // The exporter reads the rest of the standard OTEL_EXPORTER_OTLP_* variables (protocol, headers) itself.
            services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
                .AddMeter(SyncMetrics.MeterName)
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint)
                .Build());
        }

        return services;
    }

    /// <summary>Starts metrics export, if configured, and logs the configuration's warnings.</summary>
    public static void Start(IServiceProvider services, ResolvedConfiguration configuration)
    {
        _ = services.GetService<MeterProvider>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("OnePasswordGraph.Cli");
        foreach (var warning in configuration.Warnings)
        {
            CliLog.ConfigurationWarning(logger, warning);
        }
    }
}
