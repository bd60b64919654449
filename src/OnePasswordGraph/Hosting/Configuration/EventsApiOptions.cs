using System.ComponentModel.DataAnnotations;

namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>
/// How to reach the 1Password Events API for one account. Bound from <c>OnePassword:Events</c> (or
/// <c>OnePassword:Accounts:N:Events</c>).
/// </summary>
public sealed class EventsApiOptions
{
    /// <summary>
    /// Gets or sets the regional base URL: <c>https://events.1password.com</c>, <c>https://events.ent.1password.com</c>,
    /// <c>https://events.1password.ca</c> or <c>https://events.1password.eu</c>. Plain <c>http://</c> is accepted for
    /// loopback hosts only (the simulator).
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Gets or sets the bearer token of the Events Reporting integration. Prefer <see cref="TokenFile"/>.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets a file whose whole content (trimmed) is the bearer token.</summary>
    public string? TokenFile { get; set; }

    /// <summary>Gets or sets the Events API version whose endpoints are used: <c>v1</c> or <c>v2</c>.</summary>
    /// <value>The default value is <c>v2</c>.</value>
    [RegularExpression("^v[12]$")]
    public string ApiVersion { get; set; } = "v2";

    /// <summary>Gets or sets how many events one page asks for (the API allows 1 to 1000).</summary>
    /// <value>The default value is 1000.</value>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 1000;

    /// <summary>Gets or sets how long one HTTP request may take before it counts as a transient timeout.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the request budget per rolling minute for this token, across its three streams.</summary>
    /// <value>The default value is 600, the documented limit.</value>
    [Range(1, 600)]
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Gets or sets the request budget per rolling hour for this token, across its three streams.</summary>
    /// <value>The default value is 30,000, the documented limit.</value>
    [Range(1, 30000)]
    public int RequestsPerHour { get; set; } = 30000;
}
