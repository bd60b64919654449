using System.Diagnostics;
using OnePasswordGraph.IntegrationTests.Support;
using Xunit.Abstractions;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>Connect down for one run (the proxy resets every connection), then up: nothing goes inactive from the failed listing, and the next run repairs the inventory.</summary>
[Collection(FaultsCollection.Name)]
public sealed class ConnectOutageFaultTests(FaultsServer server, ITestOutputHelper output)
{
    private readonly Neo4jServerFixture _neo4j = server.Neo4j;

    [Fact]
    public async Task Sync_ConnectDownForARun_NothingMarkedInactiveAndTheNextRunRepairs()
    {
        await _neo4j.ResetAsync();
        await using var account = await FaultAccount.StartAsync("connect-down", seed: 1304, FaultProfile.Current.BackfillEvents / 4, connect: true);
        await using var proxy = await FaultProxy.StartAsync(account.Connect!.BaseUrl);
        var environment = FaultEnvironment.Create(_neo4j, account);
        account.Configure(environment, 0, connectUrl: proxy.BaseUrl);
        var (firstExit, firstText) = await CliProcess.RunAsync(environment, "sync");
        Assert.True(firstExit == 0, firstText);

        // While Connect is down an item leaves it and new events arrive: the events still land, the item stays active.
        var removed = account.Inventory.Items[0].Id;
        account.RemoveItem(removed);
        account.AppendArrivals(300);
        proxy.Down = true;
        var (downExit, downText) = await CliProcess.RunAsync(environment, "sync");
        var active = await _neo4j.CountAsync("MATCH (s:one_password_secret {account: $account, active: true, placeholder: false}) RETURN count(s) AS c", new Dictionary<string, object?> { ["account"] = account.Name });
        var eventsWhileDown = await GraphTally.CountAsync(_neo4j, account);
        Assert.True(downExit == 1, downText);
        Assert.Equal(account.Inventory.Items.Count, active);
        Assert.True(eventsWhileDown.Found == eventsWhileDown.Expected && eventsWhileDown.Duplicates == 0, eventsWhileDown.ToString());
        var reason = ExitReason.Find(downText, "Connect");
        Assert.True(reason is not null, "exit 1 without a reason that names Connect:\n" + downText);

        proxy.Down = false;
        var clock = Stopwatch.StartNew();
        var (exitCode, text) = await CliProcess.RunAsync(environment, "sync");
        var tally = await GraphTally.CountAsync(_neo4j, account);
        FaultFigures.Record(output, new FaultFigure(
            "Connect down for a run (connections reset), then up", 3, tally.Expected, tally.Found, tally.Duplicates, FaultFigure.Codes([firstExit, downExit, exitCode]), clock.Elapsed,
            $"while down: {active} of {account.Inventory.Items.Count} items still active (none marked inactive; one had left Connect), events synced, exit 1 ({FaultFigure.Quote(reason)}); next run: the removed item inactive; recovery = the run after Connect came back"));
        Assert.True(exitCode == 0, text);
        Assert.True(tally.Exact, tally.ToString());
    }
}
