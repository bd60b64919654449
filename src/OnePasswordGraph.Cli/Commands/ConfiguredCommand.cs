using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Hosting.Configuration;

namespace OnePasswordGraph.Cli.Commands;

/// <summary>
/// A command that works on the configured accounts: it takes <c>--config</c> and <c>--account</c>, resolves the
/// configuration (every problem printed, exit 2, nothing contacted) and builds the product's services before its body runs.
/// </summary>
internal static class ConfiguredCommand
{
    public delegate Task<int> Body(ResolvedConfiguration configuration, IServiceProvider services, ParseResult parse, CancellationToken cancellationToken);

    // localNeo4j: when set, the command uses the local Neo4j that onepassword-graph manages if Neo4j__Url is not set,
    // naming itself with this text (which says it is only for trying out).
    public static Command Create(
        string name, string description, LogLevel minimumLevel, TextWriter error, Body body, ConfigurationScope scope = ConfigurationScope.Full, string? localNeo4j = null)
    {
        var config = CommonOptions.Config();
        var account = CommonOptions.Account();
        var command = new Command(name, description) { config, account };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (resolved, exitCode) = localNeo4j is null
                ? (await CliServices.ResolveAsync(parse.GetValue(config), parse.GetValue(account), error, scope).ConfigureAwait(false), ExitCodes.BadConfiguration)
                : await LocalNeo4jDefault.ResolveAsync(parse.GetValue(config), parse.GetValue(account), localNeo4j, error, scope, cancellationToken).ConfigureAwait(false);
            if (resolved is not { } configuration)
            {
                return exitCode;
            }

            await using var services = CliServices.Add(new ServiceCollection(), configuration, minimumLevel).BuildServiceProvider();
            return await body(configuration, services, parse, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
