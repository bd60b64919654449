using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Hosting.Doctor;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>doctor</c>: checks tokens, regions, Connect and Neo4j, and prints a verdict per check.</summary>
internal static class DoctorCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        return ConfiguredCommand.Create(
            "doctor",
            "Check the setup without syncing: each Events token (its region against OnePassword:Events:BaseUrl, introspection, the features it has), "
            + "each Connect server (health, the vaults its token sees), and Neo4j (reachable, version, credentials, schema). Prints OK, WARN or FAIL per "
            + "check with what to fix.\n"
            + "Example: onepassword-graph doctor --config ./onepassword-graph.json\n"
            + "Exit codes: 0 no check failed (warnings allowed); 1 some check failed; 2 the configuration is invalid (nothing was contacted).",
            LogLevel.Warning,
            error,
            (configuration, services, _, cancellationToken) => RunAsync(configuration, services, output, cancellationToken));
    }

    private static async Task<int> RunAsync(ResolvedConfiguration configuration, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var warning in configuration.Warnings)
        {
            await output.WriteLineAsync($"WARN  configuration: {warning}").ConfigureAwait(false);
        }

        var checks = await services.GetRequiredService<SetupDoctor>().RunAsync(configuration, cancellationToken).ConfigureAwait(false);
        foreach (var check in checks)
        {
            var verdict = check.Verdict switch { DoctorVerdict.Ok => "OK  ", DoctorVerdict.Warning => "WARN", _ => "FAIL" };
            await output.WriteLineAsync($"{verdict}  {check.Subject} {check.Name}: {check.Detail}").ConfigureAwait(false);
        }

        var failed = checks.Count(c => c.Verdict == DoctorVerdict.Failed);
        await output.WriteLineAsync(failed == 0 ? "No problems found." : $"{failed} check(s) failed.").ConfigureAwait(false);
        return failed == 0 ? ExitCodes.Succeeded : ExitCodes.StepFailed;
    }
}
