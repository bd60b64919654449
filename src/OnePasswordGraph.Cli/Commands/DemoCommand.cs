using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Cli.Alerts;
using OnePasswordGraph.Cli.Demo;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Jobs;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Simulator;
using OnePasswordGraph.Simulator.Scenario;
using OnePasswordGraph.Sync;
using OnePasswordGraph.Sync.Leases;

namespace OnePasswordGraph.Cli.Commands;

/// <summary>
/// <c>demo</c>: the whole product on one machine. Serves a seeded simulated 1Password account on loopback, syncs it into
/// the configured Neo4j as account <see cref="DemoConfiguration.AccountName"/>, and runs the sample queries that find
/// what the scenario planted.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = CommonOptions.Config();
        var scenario = new ScenarioOptions(ScenarioPurpose.Demo);
        var command = new Command(
            "demo",
            "Try OnePasswordGraph without a 1Password account: serve a simulated account (Events API and Connect) on 127.0.0.1, sync it into the "
            + $"configured Neo4j as account '{DemoConfiguration.AccountName}', list what the scenario planted, and run the sample queries that find it. "
            + $"Only Neo4j:*, Sync:* and {ConfigurationResolver.OtlpEndpointKey} are read from the configuration; OnePassword:* is ignored. "
            + $"Each run first erases the previous demo (account '{DemoConfiguration.AccountName}' only).\n"
            + "Without Neo4j__Url it uses the local Neo4j that onepassword-graph manages (installed on first use; see local-neo4j) and prints how to open it in Neo4j Browser.\n"
            + "Example: onepassword-graph demo    (or, on your own Neo4j: Neo4j__Url=http://127.0.0.1:7474 Neo4j__User=neo4j Neo4j__PasswordFile=./neo4j-password onepassword-graph demo)\n"
            + "Exit codes: 0 synced, queried and every planted anomaly found; 1 the local Neo4j could not start, the sync or a query failed, or a planted anomaly was not found; "
            + "2 the configuration is invalid.")
        {
            config,
        };
        scenario.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetValue(config), parse.GetValue(scenario.Seed), scenario.Purpose, parse.GetValue(scenario.Events), TimeSpan.FromDays(parse.GetValue(scenario.Days)), output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        FileInfo? configFile, int seed, string purpose, int eventCount, TimeSpan span, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var shutdown = ShutdownSignal.Listen(cancellationToken);
        try
        {
            return await RunDemoAsync(configFile, seed, purpose, eventCount, span, output, error, shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            await error.WriteLineAsync("Demo stopped on request; run it again to start over.").ConfigureAwait(false);
            return ExitCodes.StepFailed;
        }
    }

    private static async Task<int> RunDemoAsync(
        FileInfo? configFile, int seed, string purpose, int eventCount, TimeSpan span, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IConfiguration user;
        try
        {
            user = CliConfiguration.Build(configFile);
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.BadConfiguration;
        }

        var (neo4jConfiguration, local, localExitCode) = await LocalNeo4jDefault.ApplyAsync(user, "the demo", error, cancellationToken).ConfigureAwait(false);
        if (neo4jConfiguration is null)
        {
            return localExitCode;
        }

        var now = TimeProvider.System.GetUtcNow();
        await using var simulated = await SimulatedAccount.StartAsync(seed, purpose, eventCount, span, now, eventsPort: 0, connectPort: 0, cancellationToken).ConfigureAwait(false);
        var backfillStart = SimulatorCommand.BackfillStart(simulated.Activity, now - span);
        if (await CliServices.ResolveAsync(() => DemoConfiguration.Build(neo4jConfiguration, simulated, backfillStart), null, error)
            .ConfigureAwait(false) is not { } configuration)
        {
            return ExitCodes.BadConfiguration;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Simulated 1Password account (seed {seed}): {simulated.Inventory.Users.Count} users, {simulated.Inventory.Vaults.Count} vaults, {simulated.Inventory.Items.Count} items, "
            + $"{simulated.Activity.Events.Count} events over {span.TotalDays:0} days. Events API {simulated.Events.BaseUrl}, Connect {simulated.Connect.BaseUrl}.")).ConfigureAwait(false);

        await using var services = CliServices.Add(new ServiceCollection(), configuration, LogLevel.Warning).BuildServiceProvider();
        CliServices.Start(services, configuration);
        var account = configuration.Accounts[0];
        long erased = 0;
        SyncRunSummary? summary;
        try
        {
            summary = await services.GetRequiredService<LeasedSync>().TryRunAsync(
                account,
                LeaseHolder.Create("demo"),
                configuration.Schedule.LeaseDuration,
                async token => erased = await services.GetRequiredService<AccountEraser>().EraseAsync(account.Name, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (OnePasswordGraphException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.StepFailed;
        }

        if (summary is null)
        {
            await error.WriteLineAsync($"Another demo is running against this Neo4j (the lease of account '{account.Name}' is held); try again when it has finished.").ConfigureAwait(false);
            return ExitCodes.StepFailed;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Erased the previous demo: {erased} nodes.")).ConfigureAwait(false);
        await SummaryPrinter.PrintAsync(output, summary).ConfigureAwait(false);
        if (!summary.Succeeded)
        {
            return ExitCodes.StepFailed;
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        if (simulated.Activity.Anomalies.Count == 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"The scenario is too small to plant anomalies in (it needs {AnomalyPlanter.MinimumEvents} events and {AnomalyPlanter.MinimumSpan.TotalDays:0} days); it holds benign activity only."))
                .ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync("What the scenario planted (the alert rule each should trigger), for the queries below to find:").ConfigureAwait(false);
            foreach (var anomaly in simulated.Activity.Anomalies)
            {
                await output.WriteLineAsync($"  - {anomaly.RuleId}: {anomaly.Description}").ConfigureAwait(false);
            }
        }

        var findings = summary.Alerts?.NewFindings ?? [];
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync("What the alert rules found (`onepassword-graph alerts run` runs them again; `status` lists them):").ConfigureAwait(false);
        await output.WriteAsync(FindingText.Table(findings)).ConfigureAwait(false);
        if (summary.Delivery is { } delivery)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("What the suspend-user response did, as a dry run (each action is a one_password_response_action node the finding TRIGGERED; nothing was suspended):").ConfigureAwait(false);
            await output.WriteLineAsync("  " + RunSummaryText.Describe(delivery)).ConfigureAwait(false);
        }

        var exitCode = await RunQueriesAsync(services, account.Name, output, error, cancellationToken).ConfigureAwait(false);
        if (local is not null)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync("Look at it in the local Neo4j that onepassword-graph manages:").ConfigureAwait(false);
            await output.WriteAsync(LocalNeo4jCommand.LoginText(local.Location)).ConfigureAwait(false);
            await output.WriteLineAsync($"  a first query to paste: {BrowserQueries.FirstLook(account.Name)}").ConfigureAwait(false);
        }

        var missed = PlantedAnomalies.Missed(simulated.Activity.Anomalies, findings);
        foreach (var anomaly in missed)
        {
            await error.WriteLineAsync($"The alert rules did not find the planted '{anomaly.RuleId}': {anomaly.Description}").ConfigureAwait(false);
        }

        return missed.Count > 0 ? ExitCodes.StepFailed : exitCode;
    }

    private static async Task<int> RunQueriesAsync(IServiceProvider services, string account, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var runner = services.GetRequiredService<ICypherRunner>();
        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal) { ["account"] = account };
        foreach (var query in SampleQueries.All)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
            await output.WriteLineAsync($"## {query.Title}").ConfigureAwait(false);
            await output.WriteLineAsync($"   {query.Why}").ConfigureAwait(false);
            IReadOnlyList<CypherResult> results;
            try
            {
                var statement = new CypherStatement(query.Cypher, parameters);
                results = await runner.RunAsync([statement], cancellationToken).ConfigureAwait(false);
            }
            catch (OnePasswordGraphException ex)
            {
                await error.WriteLineAsync($"Query '{query.Title}' failed: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.StepFailed;
            }

            await output.WriteAsync(ResultTable.Render(results[0])).ConfigureAwait(false);
        }

        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"The graph keeps the demo as account '{account}'. In Neo4j Browser: :param account => '{account}', then run any query from docs/sample-queries.md.")
            .ConfigureAwait(false);
        return ExitCodes.Succeeded;
    }
}
