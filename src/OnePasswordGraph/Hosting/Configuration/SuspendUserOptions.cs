using System.ComponentModel.DataAnnotations;

namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>
/// The suspend-user response: suspends, through the Users API, the user a finding flags. Off by default, and a dry
/// run by default when turned on. Bound from <c>Alerts:Response:SuspendUser</c>.
/// </summary>
public sealed class SuspendUserOptions
{
    /// <summary>Gets or sets a value indicating whether findings may suspend users.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Enabled { get; set; }

    /// <summary>Gets the rule ids whose findings trigger it (<c>…__RuleIds__0</c>, or one comma-separated value).</summary>
    public List<string> RuleIds { get; } = [];

    /// <summary>Gets or sets the lowest severity that triggers it: info, low, medium, high or critical.</summary>
    public string? MinSeverity { get; set; }

    /// <summary>Gets or sets a value indicating whether actions are only logged and recorded, never sent to 1Password.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DryRun { get; set; } = true;

    /// <summary>Gets the user uuids or emails that are never suspended (<c>…__ProtectedUsers__0</c>, or comma-separated).</summary>
    public List<string> ProtectedUsers { get; } = [];

    /// <summary>Gets or sets how many users it may suspend per rolling hour, across accounts and workers.</summary>
    /// <value>The default value is 5.</value>
    [Range(1, 1000)]
    public int MaxPerHour { get; set; } = 5;
}
