using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
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
        var (account, rules) = await SyncAsync(simulated);
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

    [Fact]
    public async Task RunAsync_FirstEvaluationInSlices_FindsWhatOneStatementFinds()
    {
        await using var simulated = await SimulatedAccount.StartAsync(11, ScenarioPurpose.Test, 4000, TimeSpan.FromDays(21), Now, 0, 0, CancellationToken.None);
        var activity = simulated.Activity;
        var (account, rules) = await SyncAsync(simulated);
        var logs = new FakeLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var runner = new AlertRunner(neo4j.Runner, new AlertMetrics(new TestMeterFactory()), new FakeTimeProvider(Now), loggers.CreateLogger<AlertRunner>());

        var whole = await runner.RunAsync(account.Name, rules, AlertRunOptions.Default, CancellationToken.None);
        await neo4j.QueryAsync("MATCH (n) WHERE n:one_password_alert OR (n:one_password_sync_state AND n.stream STARTS WITH 'rule:') DETACH DELETE n");
        var sliced = await runner.RunAsync(account.Name, rules, AlertRunOptions.Default with { MaxEventsPerEvaluation = 500 }, CancellationToken.None);

        Assert.True(whole.Succeeded && sliced.Succeeded, RunSummaryText.Describe(whole) + RunSummaryText.Describe(sliced));
        Assert.Empty(PlantedAnomalies.Missed(activity.Anomalies, sliced.NewFindings));
        Assert.Equal(whole.NewFindings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal), sliced.NewFindings.Select(f => f.Fingerprint).Order(StringComparer.Ordinal));
        // The history was more than 500 events: every rule evaluated it in slices, and each stands at the run's time.
        Assert.Contains(logs.Collector.GetSnapshot(), r => r.Id.Id == 8007);
        Assert.Equal(rules.EnabledRules.Count(), await neo4j.CountAsync(
            "MATCH (s:one_password_sync_state) WHERE s.stream STARTS WITH 'rule:' AND s.lastEvaluatedOn = $now RETURN count(s) AS c", new Dictionary<string, object?> { ["now"] = Now.ToUnixTimeMilliseconds() }));
    }

    // The simulated account's events and inventory synced into Neo4j, and the built-in pack with the scenario's parameters.
    private async Task<(AccountSettings Account, RuleSet Rules)> SyncAsync(SimulatedAccount simulated)
    {
        var account = ScenarioSync.Account(simulated.Events.BaseUrl, simulated.EventsToken, SimulatorCommand.BackfillStart(simulated.Activity, Now.AddDays(-21)))
            with { Connect = ScenarioSync.Connect(simulated.Connect.BaseUrl, simulated.ConnectToken) };
        using (var sync = ScenarioSync.CreateRunner(neo4j))
        {
            var synced = await sync.RunAsync(account, CancellationToken.None);
            Assert.True(synced.Succeeded, RunSummaryText.Describe(synced));
        }

        var overrides = simulated.Activity.RuleParameters.ToDictionary(
            r => r.Key, r => new RuleOverride(null, r.Value.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)), StringComparer.Ordinal);
        return (account, RuleCatalog.LoadBuiltIn(overrides));
    }
}
