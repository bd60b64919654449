using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Hosting;
using OnePasswordGraph.Hosting.Configuration;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>run</c>: the scheduled worker, on the .NET Generic Host, until SIGINT or SIGTERM.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        _ = output;
        var config = CommonOptions.Config();
        var account = CommonOptions.Account();
        var command = new Command(
            "run",
            "Run the scheduled worker: sync every configured account now, then every Sync:Interval (default 5 minutes) plus up to Sync:Jitter, "
            + "each account under its lease, until stopped. On SIGINT or SIGTERM the page in flight is written with its cursor, the leases are "
            + "released and the worker exits 0. A failed run is retried at the next interval.\n"
            + "Example: OnePassword__Events__BaseUrl=https://events.1password.com OnePassword__Events__TokenFile=/run/secrets/op_events_token "
            + "Neo4j__Url=https://neo4j.example.com:7473 Neo4j__User=neo4j Neo4j__PasswordFile=/run/secrets/neo4j_password Sync__Interval=00:10:00 onepassword-graph run\n"
            + "Exit codes: 0 stopped on request; 1 the worker could not start or crashed; 2 the configuration is invalid (nothing was fetched).")
        {
            config,
            account,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(config), parse.GetValue(account), error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? configFile, string? onlyAccount, TextWriter error, CancellationToken cancellationToken)
    {
        var (resolved, exitCode) = await LocalNeo4jDefault.ResolveAsync(
            configFile, onlyAccount, "the worker (for trying out only: the graph stays on this machine)", error, ConfigurationScope.Full, cancellationToken).ConfigureAwait(false);
        if (resolved is not { } configuration)
        {
            return exitCode;
        }

        // DisableDefaults: configuration is already resolved (and validated) the same way as for every other command.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        CliServices.Add(builder.Services, configuration, LogLevel.Information);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = configuration.Schedule.ShutdownTimeout);
        builder.Services.AddHostedService<SyncWorker>();
        using var host = builder.Build();
        CliServices.Start(host.Services, configuration);
        try
        {
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Succeeded;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await error.WriteLineAsync($"The worker stopped on an error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.StepFailed;
        }
    }
}
