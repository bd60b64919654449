using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Faults;

/// <summary>Waits on the graph, never on time: polls a count until it reaches a target, bounded by a limit.</summary>
internal static class GraphWait
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Counts the account's event nodes of every stream.</summary>
    public static Task<long> EventsAsync(Neo4jServerFixture neo4j, FaultAccount account) =>
        neo4j.CountAsync(
            "MATCH (e) WHERE e.account = $account AND (" + string.Join(" OR ", ScenarioGraph.EventLabels.Values.Select(l => $"e:`{l}`")) + ") RETURN count(e) AS c",
            new Dictionary<string, object?> { ["account"] = account.Name });

    /// <summary>Waits until the graph holds at least <paramref name="target"/> of the account's events; fails when <paramref name="process"/> exits first or after <paramref name="limit"/>.</summary>
    public static Task<long> EventsAtLeastAsync(Neo4jServerFixture neo4j, FaultAccount account, long target, RunningCli? process, TimeSpan limit) =>
        WaitAsync(() => EventsAsync(neo4j, account), $"{target} events of account {account.Name}", target, process, limit);

    /// <summary>Waits until <paramref name="countQuery"/> (with <c>$account</c>) counts at least <paramref name="target"/>.</summary>
    public static Task<long> CountAtLeastAsync(Neo4jServerFixture neo4j, string countQuery, FaultAccount account, long target, RunningCli? process, TimeSpan limit) =>
        WaitAsync(() => neo4j.CountAsync(countQuery, new Dictionary<string, object?> { ["account"] = account.Name }), $"{target} of '{countQuery}'", target, process, limit);

    private static async Task<long> WaitAsync(Func<Task<long>> count, string what, long target, RunningCli? process, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!timeout.IsCancellationRequested)
        {
            var counted = await count();
            if (counted >= target)
            {
                return counted;
            }

            if (process is { HasExited: true })
            {
                Assert.Fail($"The process exited before the graph held {what} ({counted}):\n{process.Text}");
            }

            // The pace of polling, not a synchronisation: the wait ends on the count. Polling flat out would take a
            // core from the sync it waits for on a two-core machine.
            await Task.Delay(PollInterval, TimeProvider.System, timeout.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        Assert.Fail($"The graph never held {what} within {limit}:\n{process?.Text}");
        return 0;
    }
}
