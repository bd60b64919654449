using System.Diagnostics;
using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sources.Events;

namespace OnePasswordGraph.IntegrationTests.Support;

/// <summary>Checks of the graph a scenario sync leaves behind, shared by the sync, process and worker tests.</summary>
internal static class ScenarioGraph
{
    /// <summary>Gets the node type of each stream's events, by stream name.</summary>
    public static IReadOnlyDictionary<string, string> EventLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EventStreamKind.ItemUsages.Feature()] = OnePasswordNodeTypes.ItemUsageEvent.Type,
        [EventStreamKind.AuditEvents.Feature()] = OnePasswordNodeTypes.AuditEvent.Type,
        [EventStreamKind.SignInAttempts.Feature()] = OnePasswordNodeTypes.SignInAttemptEvent.Type,
    };

    /// <summary>Asserts that each stream's event nodes are exactly the scenario's events, by uuid: nothing lost, nothing twice.</summary>
    public static async Task AssertEventsExactlyAsync(Neo4jServerFixture neo4j, ScenarioActivity activity)
    {
        foreach (var (stream, label) in EventLabels)
        {
            var expected = activity.Events.Where(e => e.Feature == stream).Select(e => e.Uuid).Order(StringComparer.Ordinal).ToList();
            var actual = (await neo4j.QueryAsync($"MATCH (e:`{label}`) RETURN e._key AS k ORDER BY k")).Rows.Select(r => (string)r[0]!).ToList();
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>Polls the graph until <paramref name="countQuery"/> counts something; bounded, and fails with the process's error output.</summary>
    public static async Task WaitForAsync(Neo4jServerFixture neo4j, Process process, string countQuery)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!process.HasExited && !timeout.IsCancellationRequested)
        {
            if (await neo4j.CountAsync(countQuery) > 0)
            {
                return;
            }

            await Task.Yield();
        }

        Assert.Fail($"The process never reached '{countQuery}': " + (process.HasExited ? await process.StandardError.ReadToEndAsync() : "timed out"));
    }
}
