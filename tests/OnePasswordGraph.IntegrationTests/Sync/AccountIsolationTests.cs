using OnePasswordGraph.Cli.Commands;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Simulator;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sync;

namespace OnePasswordGraph.IntegrationTests.Sync;

/// <summary>
/// Two accounts in one graph whose every identifier collides (the same scenario served twice, as the demo and the
/// simulator once did): the second never changes the first's data, reports each conflict, and erasing it leaves the
/// first exactly as it was.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class AccountIsolationTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Sync_SecondAccountCollidingOnEveryIdentifier_LeavesTheFirstExactAndReportsTheConflicts()
    {
        await using var first = await SimulatedAccount.StartAsync(11, ScenarioPurpose.Test, 1200, TimeSpan.FromDays(14), Now, 0, 0, CancellationToken.None);
        await using var second = await SimulatedAccount.StartAsync(11, ScenarioPurpose.Test, 1200, TimeSpan.FromDays(14), Now, 0, 0, CancellationToken.None);
        var alpha = Account("alpha", first);
        var beta = Account("beta", second);
        using var sync = ScenarioSync.CreateRunner(neo4j);

        var alphaRun = await sync.RunAsync(alpha, CancellationToken.None);
        var truth = await DumpAsync("alpha");
        var betaRun = await sync.RunAsync(beta, CancellationToken.None);
        var betaAgain = await sync.RunAsync(beta, CancellationToken.None);
        var afterBeta = await DumpAsync("alpha");
        await new AccountEraser(neo4j.Runner, GraphSchema.OnePassword).EraseAsync("beta", CancellationToken.None);
        var afterErase = await DumpAsync("alpha");
        var alphaAgain = await sync.RunAsync(alpha, CancellationToken.None);

        Assert.True(alphaRun.Succeeded && betaRun.Succeeded && alphaAgain.Succeeded, RunSummaryText.Describe(betaRun));
        Assert.Equal(0, alphaRun.AccountConflicts);
        Assert.True(betaRun.AccountConflicts > 0, "the colliding account's writes were not reported");
        Assert.True(betaAgain.AccountConflicts > 0, "a second sync of the colliding account hid its conflicts");
        Assert.Contains("account conflicts: ", RunSummaryText.Describe(betaRun), StringComparison.Ordinal);
        Assert.Equal(truth, afterBeta);
        Assert.Equal(truth, afterErase);
        Assert.Equal(0, alphaAgain.AccountConflicts);
        await ScenarioGraph.AssertEventsExactlyAsync(neo4j, first.Activity);
        Assert.Equal(first.Inventory.Vaults.Count, await neo4j.CountAsync("MATCH (v:one_password_vault {account: 'alpha', active: true, placeholder: false}) RETURN count(v) AS c"));
        Assert.Equal(0, await neo4j.CountAsync("MATCH (n) WHERE n.account = 'beta' RETURN count(n) AS c"));
    }

    private static AccountSettings Account(string name, SimulatedAccount simulated) =>
        ScenarioSync.Account(simulated.Events.BaseUrl, simulated.EventsToken, SimulatorCommand.BackfillStart(simulated.Activity, Now.AddDays(-15)), name)
            with { Connect = ScenarioSync.Connect(simulated.Connect.BaseUrl, simulated.ConnectToken) };

    // Everything the account holds, without the times and run tags a later run of it would refresh. People are shared:
    // another account's node HAS them too (it relates to each person in its events), which takes nothing from this one.
    private async Task<string> DumpAsync(string account)
    {
        var nodes = await neo4j.QueryAsync(
            "MATCH (n) WHERE n.account = $account RETURN labels(n) AS labels, properties(n) AS props ORDER BY n._key",
            new Dictionary<string, object?> { ["account"] = account });
        var relationships = await neo4j.QueryAsync(
            "MATCH (n)-[r]->(m) WHERE r.account = $account OR n.account = $account OR (m.account = $account AND NOT (n:one_password_account AND m:one_password_user)) "
            + "RETURN n._key AS from, type(r) AS type, m._key AS to, properties(r) AS props ORDER BY from, type, to",
            new Dictionary<string, object?> { ["account"] = account });
        return string.Join("\n", nodes.Rows.Concat(relationships.Rows).Select(row => string.Join(" | ", row.Select(Text))));
    }

    private static string Text(object? value) => value switch
    {
        IReadOnlyDictionary<string, object?> map => string.Join(",", map.Where(p => p.Key is not ("lastSeenOn" or "syncTag")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={Text(p.Value)}")),
        IEnumerable<object?> list => "[" + string.Join(",", list.Select(Text)) + "]",
        _ => value?.ToString() ?? "null",
    };
}
