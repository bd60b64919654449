using OnePasswordGraph.Delivery;
using OnePasswordGraph.Delivery.Response;
using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Resilience;
using OnePasswordGraph.Rules;
using OnePasswordGraph.Sync;

namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>
/// Validated settings: the accounts to sync, how to reach Neo4j, the worker's schedule, where metrics go (null: not
/// exported), the alert rules, where their findings are delivered, the suspend-user response (null: off), and the
/// warnings worth logging at start.
/// </summary>
public sealed record ResolvedConfiguration(
    IReadOnlyList<AccountSettings> Accounts,
    Neo4jSettings Neo4j,
    ScheduleSettings Schedule,
    Uri? OtlpEndpoint,
    IReadOnlyList<string> Warnings,
    AlertSettings Alerts,
    DeliverySettings Delivery,
    SuspendUserSettings? SuspendUser = null)
{
    /// <summary>Gets how transient 1Password failures are retried (<c>OnePassword:Retry</c>).</summary>
    public RetryOptions OnePasswordRetry { get; init; } = new();
}
