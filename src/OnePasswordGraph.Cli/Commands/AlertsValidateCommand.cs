using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Cli.Alerts;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>alerts validate [DIR]</c>: checks rule files, and their Cypher with Neo4j's EXPLAIN when Neo4j is configured.</summary>
internal static class AlertsValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var config = CommonOptions.Config();
        var directory = new Argument<DirectoryInfo?>("dir")
        {
            Description = "A directory of rule files to check on its own (default: the built-in pack, Alerts__RulesPath and the configured overrides).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command(
            "validate",
            "Check rule files: fields, severity, ids, lookback, parameters and overrides; then, when Neo4j__Url is set, "
            + "ask Neo4j to EXPLAIN each query (planned, never run).\n"
            + "Example: onepassword-graph alerts validate ./my-rules\n"
            + "Exit codes: 0 every rule is valid; 1 Neo4j could not be reached; 2 a rule file or the configuration is invalid.")
        { config, directory };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(config), parse.GetValue(directory), output, error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo? configFile, DirectoryInfo? directory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IConfiguration settings;
        RuleSet rules;
        try
        {
            settings = CliConfiguration.Build(configFile);
            rules = directory is null ? ConfigurationResolver.ResolveAlerts(settings).LoadRules() : RuleCatalog.LoadDirectory(directory.FullName);
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.BadConfiguration;
        }

        var problems = rules.Problems.ToList();
        if (string.IsNullOrWhiteSpace(settings["Neo4j:Url"]))
        {
            await output.WriteLineAsync("Cypher not checked by Neo4j: set Neo4j__Url (and its password) to have each query EXPLAINed.").ConfigureAwait(false);
        }
        else
        {
            if (await CliServices.ResolveAsync(() => settings, null, error, ConfigurationScope.GraphOnly).ConfigureAwait(false) is not { } configuration)
            {
                return ExitCodes.BadConfiguration;
            }

            await using var services = CliServices.Add(new ServiceCollection(), configuration, LogLevel.Warning).BuildServiceProvider();
            try
            {
                problems.AddRange(await new RuleValidator(services.GetRequiredService<ICypherRunner>()).ValidateAsync(rules.Rules, cancellationToken).ConfigureAwait(false));
            }
            catch (OnePasswordGraphException ex)
            {
                await error.WriteAsync(RuleSetText.Problems(problems)).ConfigureAwait(false);
                await error.WriteLineAsync($"Neo4j could not check the queries: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.StepFailed;
            }
        }

        await error.WriteAsync(RuleSetText.Problems(problems)).ConfigureAwait(false);
        var broken = problems.Select(p => p.Source).Distinct(StringComparer.Ordinal).Count();
        await output.WriteLineAsync(problems.Count == 0
            ? $"{rules.Rules.Count} rules are valid."
            : $"{problems.Count} problems in {broken} rule files (listed on stderr).").ConfigureAwait(false);
        return problems.Count == 0 ? ExitCodes.Succeeded : ExitCodes.BadConfiguration;
    }
}
