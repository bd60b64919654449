using System.ComponentModel.DataAnnotations;

namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>
/// How to reach the 1Password Users API (public preview) for one account. Bound from <c>OnePassword:Users</c> (or
/// <c>OnePassword:Accounts:N:Users</c>). Everything about people and the suspend-user response is off unless
/// <see cref="ClientId"/> is set.
/// </summary>
public sealed class UsersOptions
{
    /// <summary>
    /// Gets or sets the regional base URL: <c>https://api.1password.com</c>, <c>https://api.1password.ca</c> or
    /// <c>https://api.1password.eu</c>. Plain <c>http://</c> is accepted for loopback hosts only (the simulator).
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Gets or sets the 1Password account id the API paths name. When empty it is the <c>account_uuid</c> of the
    /// Events token's introspection (the same id), so it is needed only for an account without an Events token.
    /// </summary>
    public string? AccountId { get; set; }

    /// <summary>Gets or sets the client id of the OAuth application (Integrations, Users API).</summary>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the OAuth application's client secret. Prefer <see cref="ClientSecretFile"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Gets or sets a file whose whole content (trimmed) is the client secret.</summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>Gets or sets how many users one page asks for (the API allows 1 to 1000).</summary>
    /// <value>The default value is 1000.</value>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>Gets or sets how long one HTTP request may take before it counts as a transient timeout.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
