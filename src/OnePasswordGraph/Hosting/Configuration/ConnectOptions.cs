using System.ComponentModel.DataAnnotations;

namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>
/// How to reach the 1Password Connect server of one account. Bound from <c>OnePassword:Connect</c> (or
/// <c>OnePassword:Accounts:N:Connect</c>). Leaving <see cref="BaseUrl"/> empty turns inventory sync off.
/// </summary>
public sealed class ConnectOptions
{
    /// <summary>
    /// Gets or sets the Connect server URL, for example <c>https://connect.internal.example.com</c>. Plain
    /// <c>http://</c> is accepted for loopback hosts, and for other hosts only with <see cref="AllowInsecureHttp"/>.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>Gets or sets the Connect access token. Prefer <see cref="TokenFile"/>.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets a file whose whole content (trimmed) is the Connect access token.</summary>
    public string? TokenFile { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a non-loopback <c>http://</c> URL is accepted (Connect's default port
    /// 8080 serves plain HTTP on private networks). A warning is logged at start when it is used.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether item details are read for section labels and file names. Each read is
    /// reported to 1Password as a <c>server-fetch</c> item usage, so this is off unless asked for.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool FetchItemDetails { get; set; }

    /// <summary>Gets or sets how long one HTTP request may take before it counts as a transient timeout.</summary>
    /// <value>The default value is 30 seconds.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
