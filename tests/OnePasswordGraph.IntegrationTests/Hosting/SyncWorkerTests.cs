using System.Diagnostics.Metrics;
using System.Threading.Channels;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Hosting;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Hosting;

/// <summary>Two real workers against the real Neo4j and the Events simulator.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class SyncWorkerTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TwoWorkersForOneAccount_StartedTogether_SyncItOnceBetweenThem()
    {
        var inventory = InventoryGenerator.Generate(seed: 61, users: 12, vaults: 4, itemsPerVault: 6, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 62, count: 6000, TimeSpan.FromDays(5), Now);
        await using var events = await EventsApiHarness.StartAsync();
        events.Simulator.Append(activity.Events);
        var account = ScenarioSync.Account(events.Simulator.BaseUrl, events.Simulator.AddToken().Token, Now.AddDays(-10));
        var configuration = new ResolvedConfiguration(
            [account],
            new Neo4jSettings(neo4j.Url, neo4j.User, neo4j.Password, "neo4j", 1000, TimeSpan.FromSeconds(60)),
            new ScheduleSettings(TimeSpan.FromHours(1), TimeSpan.Zero, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(30)),
            null,
            [],
            AlertSettings.Default, DeliverySettings.None);
        var attempts = Channel.CreateUnbounded<string>();
        using var listener = ListenToAttempts(attempts.Writer);
        await using var first = Worker(configuration);
        await using var second = Worker(configuration);
        var workers = new[] { first.GetRequiredService<SyncWorker>(), second.GetRequiredService<SyncWorker>() };

        await Task.WhenAll(workers.Select(w => w.StartAsync(CancellationToken.None)));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        string[] results = [await attempts.Reader.ReadAsync(timeout.Token), await attempts.Reader.ReadAsync(timeout.Token)];
        await Task.WhenAll(workers.Select(w => w.StopAsync(CancellationToken.None)));

        results.Should().BeEquivalentTo("lease_busy", "succeeded");
        Assert.Single(events.Simulator.Requests, r => r.Path.EndsWith("/auth/introspect", StringComparison.Ordinal));
        Assert.Equal(activity.Events.Count, await neo4j.CountAsync(
            "MATCH (e) WHERE e:one_password_item_usage_event OR e:one_password_audit_event OR e:one_password_signin_attempt_event RETURN count(e) AS c"));
        Assert.Equal(1, await neo4j.CountAsync("MATCH (s:one_password_sync_state {_key: 'default:lease'}) RETURN count(s) AS c"));
        Assert.Equal(0, await neo4j.CountAsync("MATCH (s:one_password_sync_state {_key: 'default:lease'}) WHERE s.leaseHolder IS NOT NULL RETURN count(s) AS c"));
    }

    private static ServiceProvider Worker(ResolvedConfiguration configuration) =>
        new ServiceCollection().AddLogging().AddOnePasswordGraph(configuration).AddSingleton<SyncWorker>().BuildServiceProvider();

    private static MeterListener ListenToAttempts(ChannelWriter<string> results)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SyncMetrics.MeterName && instrument.Name == SyncMetrics.AttemptsInstrument)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "result")
                {
                    results.TryWrite((string)tag.Value!);
                }
            }
        });
        listener.Start();
        return listener;
    }
}
