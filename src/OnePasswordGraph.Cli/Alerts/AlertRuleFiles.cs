using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Cli.Alerts;

/// <summary>Loads the configured rules for commands that need no Neo4j (list, explain, validate).</summary>
internal static class AlertRuleFiles
{
    /// <summary>Returns the configured rule set, or prints why the configuration is invalid and returns null (exit 2).</summary>
    public static async Task<RuleSet?> LoadAsync(FileInfo? configFile, TextWriter error)
    {
        try
        {
            return ConfigurationResolver.ResolveAlerts(CliConfiguration.Build(configFile)).LoadRules();
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return null;
        }
    }
}
