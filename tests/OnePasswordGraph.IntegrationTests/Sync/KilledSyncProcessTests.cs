using System.Globalization;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator.Scenario;

namespace OnePasswordGraph.IntegrationTests.Sync;

/// <summary>A <c>sync</c> process killed mid-backfill loses nothing and duplicates nothing when run again.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class KilledSyncProcessTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sync_ProcessKilledBetweenPages_RerunEndsWithExactlyTheScenario()
    {
        var inventory = InventoryGenerator.Generate(seed: 21, users: 12, vaults: 4, itemsPerVault: 6, now: Now);
        var activity = ActivityGenerator.Generate(inventory, seed: 21, count: 12_000, TimeSpan.FromDays(20), Now);
        await using var api = await EventsApiHarness.StartAsync();
        api.Simulator.Append(activity.Events);
        var token = api.Simulator.AddToken().Token;
        var environment = CliProcess.Environment(neo4j, api.Simulator.BaseUrl, token, Now.AddDays(-30).ToString("o", CultureInfo.InvariantCulture));

        using (var doomed = CliProcess.Start(environment, "sync"))
        {
            await WaitForFirstCommittedPageAsync(doomed);
            doomed.Kill(entireProcessTree: true);
            await doomed.WaitForExitAsync();
        }

        var partial = await neo4j.CountAsync("MATCH (e:one_password_item_usage_event) RETURN count(e) AS c");
        using var runner = ScenarioSync.CreateRunner(neo4j);
        var summary = await runner.RunAsync(ScenarioSync.Account(api.Simulator.BaseUrl, token, Now.AddDays(-30)), CancellationToken.None);

        Assert.True(summary.Succeeded);
        Assert.InRange(partial, 1, activity.CountsByFeature["itemusages"] - 1);
        foreach (var feature in new[] { "itemusages", "auditevents", "signinattempts" })
        {
            var label = feature switch { "itemusages" => "one_password_item_usage_event", "auditevents" => "one_password_audit_event", _ => "one_password_signin_attempt_event" };
            var expected = activity.Events.Where(e => e.Feature == feature).Select(e => e.Uuid).Order(StringComparer.Ordinal).ToList();
            var actual = (await neo4j.QueryAsync($"MATCH (e:`{label}`) RETURN e._key AS k ORDER BY k")).Rows.Select(r => (string)r[0]!).ToList();
            Assert.Equal(expected, actual);
        }
    }

    private async Task WaitForFirstCommittedPageAsync(System.Diagnostics.Process process)
    {
        for (var i = 0; i < 5000 && !process.HasExited; i++)
        {
            if (await neo4j.CountAsync("MATCH (s:one_password_sync_state {_key: 'default:itemusages'}) RETURN count(s) AS c") > 0)
            {
                return;
            }

            await Task.Yield();
        }

        Assert.Fail("The sync process committed no page: " + (process.HasExited ? await process.StandardError.ReadToEndAsync() : "still running"));
    }
}
