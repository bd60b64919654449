using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Sync.Status;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>status</c>: per account, the last run, each stream's cursor age and newest event, the lease and counts by type.</summary>
internal static class StatusCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        return ConfiguredCommand.Create(
            "status",
            "Show what the graph knows about each account's syncs: the last run and its outcome, each stream's cursor age and newest event, "
            + "who holds the lease, and node and relationship counts by type. Reads Neo4j only.\n"
            + "Example: onepassword-graph status --account acme\n"
            + "Exit codes: 0 shown; 1 Neo4j could not be read; 2 the configuration is invalid.",
            LogLevel.Warning,
            error,
            (configuration, services, _, cancellationToken) => RunAsync(configuration, services, output, error, cancellationToken),
            ConfigurationScope.GraphOnly);
    }

    private static async Task<int> RunAsync(
        ResolvedConfiguration configuration, IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var reader = services.GetRequiredService<AccountStatusReader>();
        var outbox = services.GetRequiredService<AlertOutbox>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        try
        {
            // Discovery is not retried: an operator asking for status hears at once that Neo4j is down or refuses them.
            await services.GetRequiredService<ICypherRunner>().GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OnePasswordGraphException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.StepFailed;
        }

        foreach (var settings in configuration.Accounts)
        {
            AccountStatus status;
            IReadOnlyList<ChannelBacklog> backlog;
            try
            {
                status = await reader.ReadAsync(settings.Name, cancellationToken).ConfigureAwait(false);
                backlog = await outbox.BacklogAsync(settings.Name, cancellationToken).ConfigureAwait(false);
            }
            catch (OnePasswordGraphException ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return ExitCodes.StepFailed;
            }

            await output.WriteAsync(StatusText.Describe(status, now) + DeliveryText.Describe(backlog, configuration.Delivery.MaxAge, now)).ConfigureAwait(false);
        }

        return ExitCodes.Succeeded;
    }
}
