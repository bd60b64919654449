using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Hosting;
using OnePasswordGraph.Sync;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>sync</c>: one full sync of every configured account, then exit.</summary>
internal static class SyncCommand
{
    public const int Succeeded = 0;
    public const int StepFailed = 1;
    public const int BadConfiguration = 2;

    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = CommonOptions.Config();
        var account = CommonOptions.Account();
        var command = new Command(
            "sync",
            "Run one sync of every configured account (events, then inventory) and exit.\n"
            + "Exit codes: 0 every step succeeded; 1 some step failed (the summary says which and why) or another process holds an account's lease; "
            + "2 the configuration is invalid (nothing was fetched).")
        {
            config,
            account,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(config), parse.GetValue(account), output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? configFile, string? onlyAccount, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ResolvedConfiguration configuration;
        try
        {
            configuration = ConfigurationResolver.Resolve(CliConfiguration.Build(configFile));
        }
        catch (Exception ex) when (ex is ConfigurationException or FileNotFoundException or InvalidDataException)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return BadConfiguration;
        }

        var accounts = configuration.Accounts.Where(a => onlyAccount is null || string.Equals(a.Name, onlyAccount, StringComparison.Ordinal)).ToList();
        if (accounts.Count == 0)
        {
            await error.WriteLineAsync($"--account: no account is named '{onlyAccount}'; configured: {string.Join(", ", configuration.Accounts.Select(a => a.Name))}.").ConfigureAwait(false);
            return BadConfiguration;
        }

        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(console => { console.SingleLine = true; console.UseUtcTimestamp = true; console.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ "; }))
            .AddOnePasswordGraph(configuration)
            .BuildServiceProvider();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("OnePasswordGraph.Cli");
        foreach (var warning in configuration.Warnings)
        {
            CliLog.ConfigurationWarning(logger, warning);
        }

        var runner = services.GetRequiredService<ISyncRunner>();
        var lease = services.GetRequiredService<IAccountLease>();
        var timeProvider = services.GetRequiredService<TimeProvider>();
        var holder = $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}:sync";
        var exitCode = Succeeded;
        foreach (var settings in accounts)
        {
            await using var held = await LeaseKeeper.TryHoldAsync(lease, settings.Name, holder, LeaseDuration, timeProvider, cancellationToken).ConfigureAwait(false);
            if (held is null)
            {
                await output.WriteLineAsync($"Account {settings.Name}: another process is syncing it (its lease is held); skipped.").ConfigureAwait(false);
                exitCode = StepFailed;
                continue;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.LostToken);
            var summary = await runner.RunAsync(settings, linked.Token).ConfigureAwait(false);
            await SummaryPrinter.PrintAsync(output, summary).ConfigureAwait(false);
            if (!summary.Succeeded)
            {
                exitCode = StepFailed;
            }
        }

        return exitCode;
    }
}
