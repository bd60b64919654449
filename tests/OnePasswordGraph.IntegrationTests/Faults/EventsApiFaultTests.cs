using System.Diagnostics;
using OnePasswordGraph.IntegrationTests.Support;
using Xunit.Abstractions;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>
/// Events API faults from a proxy in front of the simulator (gateways and networks, not the documented protocol):
/// the <c>sync</c> retries within its budget or fails with a clear reason, never writes part of a page, and the next
/// run is exact.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class EventsApiFaultTests(FaultsServer server, ITestOutputHelper output)
{
    // The short profile's request timeout, so that a slow answer costs seconds, not the default 30.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);
    private readonly Neo4jServerFixture _neo4j = server.Neo4j;

    public static TheoryData<string> Faults => ["429 storm", "5xx burst", "slower than the timeout", "connection cut mid-body", "200 not JSON", "200 truncated JSON"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Sync_EventsApiFault_RetriedOrFailedClearlyNoPartialPageAndTheNextRunIsExact(string fault)
    {
        await _neo4j.ResetAsync();
        await using var account = await FaultAccount.StartAsync("events-faults", seed: 1303, FaultProfile.Current.BackfillEvents / 2, connect: false);
        await using var proxy = await FaultProxy.StartAsync(account.Events.BaseUrl);
        var environment = FaultEnvironment.Create(_neo4j, account);
        account.Configure(environment, 0, eventsUrl: proxy.BaseUrl);
        environment["OnePassword__Accounts__0__Events__RequestTimeout"] = RequestTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        var injected = Plan(fault);
        proxy.Inject(injected);

        var clock = Stopwatch.StartNew();
        var (firstExit, firstText) = await CliProcess.RunAsync(environment, "sync");
        var afterFault = await GraphTally.CountAsync(_neo4j, account);
        Assert.True(firstExit is 0 or 1, firstText);
        Assert.True(afterFault.Unexpected == 0 && afterFault.Duplicates == 0 && afterFault.Mismatches.Count == 0, "a partial or doubled page after the fault: " + afterFault);
        var exitCodes = new List<int> { firstExit };
        var outcome = "retried: the run completed";
        if (firstExit != 0)
        {
            var reason = ExitReason.Find(firstText, "Events API");
            Assert.True(reason is not null, "exit 1 without a reason that names the Events API:\n" + firstText);
            outcome = $"failed ({FaultFigure.Quote(reason)}) keeping the {afterFault.Found:N0} events of whole pages with their cursors";
        }

        proxy.ClearFaults();
        var (exitCode, text) = await CliProcess.RunAsync(environment, "sync");
        exitCodes.Add(exitCode);
        var tally = await GraphTally.CountAsync(_neo4j, account);
        FaultFigures.Record(output, new FaultFigure(
            $"Events API: {fault}", exitCodes.Count, tally.Expected, tally.Found, tally.Duplicates, FaultFigure.Codes(exitCodes), clock.Elapsed,
            $"{proxy.FaultsServed} of {injected.Count} faults served ({string.Join(", ", injected.Distinct())}); {outcome}; recovery = from the faulted run's start to exact"));
        Assert.True(exitCode == 0, text);
        Assert.True(tally.Exact, tally.ToString());
    }

    private static List<ProxyFault> Plan(string fault)
    {
        var maxRetryAfter = FaultProfile.Current.MaxRetryAfterSeconds;
        return fault switch
        {
            // Retry-After up to the profile's maximum (60 s in the long profile), as a throttled token is told.
            "429 storm" => [.. new[] { 1, maxRetryAfter / 2, maxRetryAfter, 1, maxRetryAfter, maxRetryAfter / 2 }.Select(s => ProxyFault.Status(429, Math.Max(1, s)))],
            "5xx burst" => [ProxyFault.Status(500), ProxyFault.Status(502), ProxyFault.Status(503), ProxyFault.Status(504), ProxyFault.Status(500), ProxyFault.Status(503)],
            "slower than the timeout" => [ProxyFault.Slow(RequestTimeout * 2), ProxyFault.Slow(RequestTimeout * 2)],
            "connection cut mid-body" => [ProxyFault.CutMidBody, ProxyFault.CutMidBody, ProxyFault.CutMidBody],
            "200 not JSON" => [ProxyFault.NotJson, ProxyFault.NotJson],
            "200 truncated JSON" => [ProxyFault.Truncated, ProxyFault.Truncated],
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "no such fault"),
        };
    }
}
