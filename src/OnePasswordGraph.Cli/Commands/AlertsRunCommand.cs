using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OnePasswordGraph.Cli.Alerts;
using OnePasswordGraph.Delivery;
using OnePasswordGraph.Diagnostics;
using OnePasswordGraph.Graph;
using OnePasswordGraph.Hosting.Configuration;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sync;

namespace OnePasswordGraph.Cli.Commands;

/// <summary><c>alerts run</c>: evaluates the rules now, stores the findings and prints the new ones.</summary>
internal static class AlertsRunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var since = new Option<string?>("--since") { Description = "Look back this far from now instead of from each rule's last evaluation, e.g. 30m, 6h, 7d." };
        var rule = new Option<string?>("--rule") { Description = "Run only this rule (even when disabled)." };
        var format = new Option<string>("--format") { Description = "table (for a person) or json (one finding per line).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = ConfiguredCommand.Create(
            "run",
            "Evaluate the alert rules now for every configured account, store the findings in Neo4j, print the new ones and "
            + "deliver what the configured sinks (Alerts__Sinks__…) still owe. "
            + "Needs only the Neo4j__* settings and the accounts' names, no 1Password token.\n"
            + "Example: onepassword-graph alerts run --account acme --since 7d --format json\n"
            + "Exit codes: 0 the rules ran (whether or not they found anything) and every sink took its findings; 1 a rule or a sink failed, or Neo4j could not be reached; "
            + "2 the configuration or a rule file is invalid.",
            LogLevel.Warning,
            error,
            (configuration, services, parse, cancellationToken) =>
                RunAsync(configuration, services, new Request(parse.GetValue(since), parse.GetValue(rule), parse.GetValue(format) == "json"), output, error, cancellationToken),
            ConfigurationScope.GraphOnly);
        command.Options.Add(since);
        command.Options.Add(rule);
        command.Options.Add(format);
        return command;
    }

    private static async Task<int> RunAsync(
        ResolvedConfiguration configuration, IServiceProvider services, Request request, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var rules = services.GetRequiredService<RuleSet>();
        if (await CheckAsync(rules, request, services.GetRequiredService<TimeProvider>(), error).ConfigureAwait(false) is not { } checkedOptions)
        {
            return ExitCodes.BadConfiguration;
        }

        var options = configuration.Alerts.Bound(checkedOptions);
        var exitCode = ExitCodes.Succeeded;
        try
        {
            // Findings are merged on their unique key: the schema must exist even on a graph no sync has prepared.
            await services.GetRequiredService<GraphSchemaInstaller>().ApplyAsync(cancellationToken).ConfigureAwait(false);
            foreach (var account in configuration.Accounts)
            {
                var summary = await services.GetRequiredService<AlertRunner>().RunAsync(account.Name, rules, options, cancellationToken).ConfigureAwait(false);
                if (request.Json)
                {
                    foreach (var finding in summary.NewFindings)
                    {
                        await output.WriteLineAsync(AlertJson.Line(AlertMessage.From(finding, summary.StartedAt))).ConfigureAwait(false);
                    }
                }
                else
                {
                    await output.WriteLineAsync($"Account {account.Name}: {RunSummaryText.Describe(summary)}").ConfigureAwait(false);
                    await output.WriteAsync(FindingText.Table(summary.NewFindings)).ConfigureAwait(false);
                }

                foreach (var failed in summary.FailedRules)
                {
                    await error.WriteLineAsync($"Account {account.Name}: rule {failed.RuleId} failed: {failed.Error}").ConfigureAwait(false);
                    exitCode = ExitCodes.StepFailed;
                }

                if (await DeliverAsync(services.GetRequiredService<AlertOutbox>(), account.Name, error, cancellationToken).ConfigureAwait(false) is false)
                {
                    exitCode = ExitCodes.StepFailed;
                }
            }
        }
        catch (OnePasswordGraphException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.StepFailed;
        }

        return exitCode;
    }

    // Stored findings are delivered whether or not this run raised them: what a sink missed earlier goes out now.
    private static async Task<bool?> DeliverAsync(AlertOutbox outbox, string account, TextWriter error, CancellationToken cancellationToken)
    {
        if (outbox.ChannelNames.Count == 0)
        {
            return null;
        }

        var delivery = await outbox.DeliverAsync(account, cancellationToken).ConfigureAwait(false);
        await error.WriteLineAsync($"Account {account}: {RunSummaryText.Describe(delivery)}").ConfigureAwait(false);
        return delivery.Succeeded;
    }

    private static async Task<AlertRunOptions?> CheckAsync(RuleSet rules, Request request, TimeProvider timeProvider, TextWriter error)
    {
        var problems = new List<string>();
        if (rules.Problems.Count > 0)
        {
            problems.Add(RuleSetText.Problems(rules.Problems).TrimEnd() + "\nFix the rule files above (`onepassword-graph alerts validate` checks them), or disable the rule.");
        }

        if (request.RuleId is { } id && rules.Find(id) is null)
        {
            problems.Add($"--rule: no loaded rule has the id '{id}'; `onepassword-graph alerts list` shows the ids.");
        }

        TimeSpan? since = null;
        if (request.Since is { } text)
        {
            since = RuleDuration.TryParse(text, out var parsed) ? parsed : null;
            if (since is null)
            {
                problems.Add($"--since '{text}' is not a duration; use minutes, hours or days such as 30m, 6h or 7d.");
            }
        }

        foreach (var problem in problems)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
        }

        return problems.Count > 0 ? null : new AlertRunOptions(since is { } span ? timeProvider.GetUtcNow() - span : null, request.RuleId);
    }

    private sealed record Request(string? Since, string? RuleId, bool Json);
}
