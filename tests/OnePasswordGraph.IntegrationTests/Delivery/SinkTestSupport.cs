using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Delivery.Sinks;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.IntegrationTests.Delivery;

/// <summary>The product's sink HTTP client, a fast retry policy and sample findings for the sink tests.</summary>
internal static class SinkTestSupport
{
    public const string Secret = "s3cret-for-tests-0123456789";

    public static IHttpClientFactory HttpClients { get; } = new ServiceCollection().AddAlertSinkHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();

    public static TransientRetry Retry(TimeSpan? deadline = null) =>
        new("test sink", new RetryOptions { InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(1), MaxRetryAttempts = 3, Deadline = deadline ?? TimeSpan.FromSeconds(20) }, TimeProvider.System, NullLogger.Instance);

    public static AlertMessage Alert(string fingerprint = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", AlertSeverity severity = AlertSeverity.High, string summary = "alice exported vault Finance") => new(
        fingerprint,
        "vault-export",
        "Vault export",
        severity,
        summary,
        "acme",
        new DateTimeOffset(2026, 11, 30, 9, 15, 0, 123, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 30, 9, 20, 0, TimeSpan.Zero),
        ["U1", "V1"],
        ["E1", "E2"],
        "alice@example.com");
}
