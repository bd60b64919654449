using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Hosting;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Tests.Hosting;

/// <summary>The retry pipelines the services build follow <c>OnePassword:Retry</c> and <c>Neo4j:Retry</c>.</summary>
public sealed class OnePasswordGraphServicesTests
{
    private const int RetryLogEventId = 1001;

    [Fact]
    public async Task OnePasswordRetry_FollowsItsConfiguredAttempts()
    {
        using var provider = Build(("OnePassword:Retry:MaxRetryAttempts", "2"), ("OnePassword:Retry:InitialDelay", "00:00:00.001"), ("OnePassword:Retry:MaxDelay", "00:00:00.001"));
        var retry = provider.GetRequiredService<TransientRetry>();
        var attempts = 0;

        await Assert.ThrowsAsync<Failure>(() => retry.ExecuteAsync<int>(_ => { attempts++; throw new Failure(); }, CancellationToken.None));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Neo4jRetry_FollowsItsConfiguredAttempts()
    {
        var logs = new FakeLogCollector();
        using var provider = Build(logs, ("Neo4j:Retry:MaxRetryAttempts", "1"), ("Neo4j:Retry:InitialDelay", "00:00:00.001"), ("Neo4j:Retry:MaxDelay", "00:00:00.001"));
        var runner = provider.GetRequiredService<ICypherRunner>();

        var error = await Assert.ThrowsAsync<Neo4jException>(() => runner.RunAsync([CypherStatement.Probe], CancellationToken.None));

        Assert.Equal(Neo4jErrorKind.Unreachable, error.Kind);
        Assert.Single(logs.GetSnapshot(), r => r.Id.Id == RetryLogEventId && r.Category == "OnePasswordGraph.Resilience.Neo4j");
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings) => Build(new FakeLogCollector(), settings);

    private static ServiceProvider Build(FakeLogCollector logs, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["OnePassword:Events:BaseUrl"] = "https://events.1password.com",
            ["OnePassword:Events:Token"] = "token",
            ["Neo4j:Url"] = $"http://127.0.0.1:{ClosedPort()}",
            ["Neo4j:Password"] = "pw",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = ConfigurationResolver.Resolve(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(new FakeLoggerProvider(logs)));
        services.AddOnePasswordGraph(configuration);
        return services.BuildServiceProvider();
    }

    // A port nothing listens on: connecting is refused at once, a transient "unreachable" failure.
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Failure() : Exception("still failing"), ITransientFailure
    {
        public bool IsTransient => true;

        public TimeSpan? RetryAfter => null;
    }
}
