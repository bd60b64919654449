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

    public static Command Create(string name, string description, LogLevel minimumLevel, TextWriter error, Body body, ConfigurationScope scope = ConfigurationScope.Full)
    {
        var config = CommonOptions.Config();
        var account = CommonOptions.Account();
        var command = new Command(name, description) { config, account };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (await CliServices.ResolveAsync(parse.GetValue(config), parse.GetValue(account), error, scope).ConfigureAwait(false) is not { } configuration)
            {
                return ExitCodes.BadConfiguration;
            }

            await using var services = CliServices.Add(new ServiceCollection(), configuration, minimumLevel).BuildServiceProvider();
            return await body(configuration, services, parse, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
