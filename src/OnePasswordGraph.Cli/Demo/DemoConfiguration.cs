using System.Globalization;
using Microsoft.Extensions.Configuration;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Simulator;

namespace OnePasswordGraph.Cli.Demo;

/// <summary>
/// The demo's configuration: the user's Neo4j, Sync and metrics settings, and one account pointing at the simulated
/// 1Password. Every OnePassword key of the user's own configuration is left out, so the demo never reaches 1Password.
/// </summary>
internal static class DemoConfiguration
{
    /// <summary>The account the demo writes. Each demo run erases this account's part of the graph first, and nothing else.</summary>
    public const string AccountName = "onepassword-graph-demo";

    private static readonly string[] KeptSections = ["Neo4j", "Sync", ConfigurationResolver.OtlpEndpointKey];

    public static IConfiguration Build(IConfiguration user, SimulatedAccount simulated, DateTimeOffset backfillStart)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(simulated);
        var values = KeptSections
            .SelectMany(section => user.GetSection(section).AsEnumerable())
            .Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        const string Account = "OnePassword:Accounts:0:";
        values[Account + "Name"] = AccountName;
        values[Account + "Events:BaseUrl"] = simulated.Events.BaseUrl.ToString();
        values[Account + "Events:Token"] = simulated.EventsToken;
        values[Account + "Connect:BaseUrl"] = simulated.Connect.BaseUrl.ToString();
        values[Account + "Connect:Token"] = simulated.ConnectToken;
        values[Account + "Users:BaseUrl"] = simulated.Users.BaseUrl.ToString();
        values[Account + "Users:ClientId"] = simulated.UsersClientId;
        values[Account + "Users:ClientSecret"] = simulated.UsersClientSecret;
        values[Account + "BackfillStartTime"] = backfillStart.ToString("O", CultureInfo.InvariantCulture);

        // The watch-lists and switches that parameter-gated rules need to see what the scenario planted for them.
        values["Alerts:Enabled"] = "true";

        // The response as a dry run: each critical finding records what suspending its user would do, and nothing is suspended.
        values["Alerts:Response:SuspendUser:Enabled"] = "true";
        values["Alerts:Response:SuspendUser:DryRun"] = "true";
        values["Alerts:Response:SuspendUser:MinSeverity"] = "critical";
        foreach (var (ruleId, parameters) in simulated.Activity.RuleParameters)
        {
            foreach (var (name, value) in parameters)
            {
                values[$"Alerts:Rules:{ruleId}:Parameters:{name}"] = value;
            }
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
