using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>
/// The <c>OnePassword</c> section. Either the top-level <see cref="Events"/>/<see cref="Connect"/> describe one
/// account named <c>default</c>, or <see cref="Accounts"/> lists several.
/// </summary>
public sealed class OnePasswordOptions
{
    public EventsApiOptions Events { get; set; } = new();

    public ConnectOptions Connect { get; set; } = new();

    public UsersOptions Users { get; set; } = new();

    /// <summary>Gets or sets the backfill start of the implicit single account (ISO 8601).</summary>
    public string? BackfillStartTime { get; set; }

    public List<AccountOptions> Accounts { get; set; } = [];

    /// <summary>Gets how transient failures of the Events API and Connect are retried (every account alike).</summary>
    public RetryOptions Retry { get; } = new();
}
