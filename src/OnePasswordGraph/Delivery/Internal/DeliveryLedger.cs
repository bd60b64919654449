using OnePasswordGraph.Graph;
using OnePasswordGraph.Graph.Alerts;
using OnePasswordGraph.Rules;

namespace OnePasswordGraph.Delivery.Internal;

/// <summary>Reads and records the outbox's state in the graph through <see cref="DeliveryStatements"/>.</summary>
internal sealed class DeliveryLedger(ICypherRunner runner)
{
    /// <summary>The most findings one run hands to one channel; the rest wait for the next run.</summary>
    public const int RunLimit = 2000;

    public async Task<IReadOnlyList<AlertMessage>> PendingAsync(string account, string channel, DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        var results = await runner.RunAsync([DeliveryStatements.Pending(account, channel, oldest, RunLimit)], cancellationToken).ConfigureAwait(false);
        return [.. results[0].Records().Select(row => Message(account, row))];
    }

    public async Task<ClaimOutcome> ClaimAsync(string account, string fingerprint, string channel, string holder, string? takeOver, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var results = await runner.RunAsync([DeliveryStatements.Claim(account, fingerprint, channel, holder, takeOver, now, until)], cancellationToken).ConfigureAwait(false);
        return results[0].Records().FirstOrDefault() is { } row
            ? new ClaimOutcome(row["claimed"] is true, row["holder"] as string, row["status"] as string)
            : new ClaimOutcome(false, null, null);
    }

    public Task CompleteAsync(string fingerprint, string channel, DateTimeOffset now, CancellationToken cancellationToken) =>
        runner.RunAsync([DeliveryStatements.Complete(fingerprint, channel, now)], cancellationToken);

    public Task ReleaseAsync(string fingerprint, string channel, string holder, string error, DateTimeOffset now, CancellationToken cancellationToken) =>
        runner.RunAsync([DeliveryStatements.Release(fingerprint, channel, holder, error, now)], cancellationToken);

    public Task SkipAsync(string account, string fingerprint, string channel, DateTimeOffset now, CancellationToken cancellationToken) =>
        runner.RunAsync([DeliveryStatements.Skip(account, fingerprint, channel, now)], cancellationToken);

    public async Task<IReadOnlyList<ChannelBacklog>> BacklogAsync(string account, IReadOnlyList<string> channels, DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        if (channels.Count == 0)
        {
            return [];
        }

        var results = await runner.RunAsync([DeliveryStatements.Backlog(account, channels, oldest)], cancellationToken).ConfigureAwait(false);
        var rows = results[0].Records().ToDictionary(row => (string)row["channel"]!, StringComparer.Ordinal);
        return [.. channels.Select(channel => rows.TryGetValue(channel, out var row)
            ? new ChannelBacklog(channel, Long(row["pending"]), Long(row["expired"]), row["oldestPendingOn"] is long oldestOn ? DateTimeOffset.FromUnixTimeMilliseconds(oldestOn) : null, row["lastError"] as string)
            : new ChannelBacklog(channel, 0, 0, null, null))];
    }

    private static AlertMessage Message(string account, IReadOnlyDictionary<string, object?> row) => new(
        (string)row["fingerprint"]!,
        row["ruleId"] as string ?? "?",
        row["ruleName"] as string ?? "?",
        Enum.TryParse<AlertSeverity>(row["severity"] as string, ignoreCase: true, out var severity) ? severity : AlertSeverity.Info,
        row["summary"] as string ?? string.Empty,
        account,
        DateTimeOffset.FromUnixTimeMilliseconds(Long(row["occurredOn"])),
        DateTimeOffset.FromUnixTimeMilliseconds(Long(row["createdOn"])),
        Strings(row["flagged"]),
        Strings(row["evidence"]),
        row["userEmail"] as string ?? row["userName"] as string);

    private static long Long(object? value) => value is long number ? number : 0;

    private static IReadOnlyList<string> Strings(object? value) => value is IEnumerable<object?> list ? [.. list.OfType<string>()] : [];
}
