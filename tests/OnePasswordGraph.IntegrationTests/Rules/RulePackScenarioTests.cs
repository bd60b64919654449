using Microsoft.Extensions.Logging.Abstractions;
using OnePasswordGraph.Cli.Commands;
using OnePasswordGraph.Cli.Demo;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.IntegrationTests.Support;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Simulator;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.IntegrationTests.Rules;

/// <summary>
/// The whole built-in pack over a simulated account (Events API and Connect) synced into Neo4j: every planted anomaly
/// is found by its rule, and the benign activity around it raises nothing high or critical.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class RulePackScenarioTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = TimeProvider.System.GetUtcNow();

    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunAsync_PlantedScenario_FindsEveryAnomalyAndNoHighFindingInTheBenignBaseline()
    {
        await using var simulated = await SimulatedAccount.StartAsync(7, ScenarioPurpose.Test, 4000, TimeSpan.FromDays(21), Now, 0, 0, CancellationToken.None);
        var activity = simulated.Activity;
        var account = ScenarioSync.Account(simulated.Events.BaseUrl, simulated.EventsToken, SimulatorCommand.BackfillStart(activity, Now.AddDays(-21)))
            with { Connect = ScenarioSync.Connect(simulated.Connect.BaseUrl, simulated.ConnectToken) };
        using (var sync = ScenarioSync.CreateRunner(neo4j))
        {
            var synced = await sync.RunAsync(account, CancellationToken.None);
            Assert.True(synced.Succeeded, RunSummaryText.Describe(synced));
        }

        var overrides = activity.RuleParameters.ToDictionary(
            r => r.Key, r => new RuleOverride(null, r.Value.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)), StringComparer.Ordinal);
        var rules = RuleCatalog.LoadBuiltIn(overrides);
        var runner = new AlertRunner(neo4j.Runner, new AlertMetrics(new TestMeterFactory()), TimeProvider.System, NullLogger<AlertRunner>.Instance);

        var summary = await runner.RunAsync(account.Name, rules, AlertRunOptions.Default, CancellationToken.None);

        Assert.Empty(rules.Problems);
        Assert.True(summary.Succeeded, RunSummaryText.Describe(summary));
        Assert.NotEmpty(activity.Anomalies);
        var missed = PlantedAnomalies.Missed(activity.Anomalies, summary.NewFindings);
        Assert.True(missed.Count == 0, "Planted but not found: " + string.Join("; ", missed.Select(a => $"{a.RuleId} ({a.Description})")));
        // One planted act can rightly trip several rules (a self-grant followed by use is also a self-grant), so a high
        // finding is explained by any planted anomaly it points at, whichever rule that anomaly was planted for.
        var plantedEvents = activity.Anomalies.SelectMany(a => a.EventUuids).ToHashSet(StringComparer.Ordinal);
        var unexplained = summary.NewFindings
            .Where(f => f.Severity >= AlertSeverity.High && !activity.Anomalies.Any(a => PlantedAnomalies.Finds(f, a)) && !f.Evidence.Any(plantedEvents.Contains))
            .Select(f => $"{f.RuleId}: {f.Summary}")
            .ToList();
        Assert.True(unexplained.Count == 0, "High or critical findings in the benign baseline: " + string.Join("; ", unexplained));
        var nearMissesFlagged = summary.NewFindings.Where(f => activity.NearMisses.Any(n => PlantedAnomalies.Finds(f, n) && f.Evidence.Count > 0)).ToList();
        Assert.True(nearMissesFlagged.Count == 0, "Near misses flagged: " + string.Join("; ", nearMissesFlagged.Select(f => f.Summary)));
        Assert.Equal(summary.NewFindings.Count, await neo4j.CountAsync("MATCH (a:one_password_alert {account: 'default'}) RETURN count(a) AS c"));
    }
}
