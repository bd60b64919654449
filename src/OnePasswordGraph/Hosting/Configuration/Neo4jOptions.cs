using System.ComponentModel.DataAnnotations;
using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Hosting.Configuration;

/// <summary>How to reach Neo4j. Bound from <c>Neo4j</c> (<c>Neo4j__Url</c>, <c>Neo4j__User</c>, …).</summary>
public sealed class Neo4jOptions
{
    /// <summary>
    /// Gets or sets the HTTP URL of the server, for example <c>https://neo4j.example.com:7473</c>. Plain <c>http://</c>
    /// is accepted for loopback hosts only.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>
    /// Gets or sets whether a plain <c>http://</c> URL to a host that is not loopback is accepted (a Neo4j on a private
    /// container network, as in docker-compose.yml). The password then travels unencrypted; a warning says so at start.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Gets or sets the user name for Basic authentication.</summary>
    /// <value>The default value is <c>neo4j</c>.</value>
    public string User { get; set; } = "neo4j";

    /// <summary>Gets or sets the password. Prefer <see cref="PasswordFile"/>.</summary>
    public string? Password { get; set; }

    /// <summary>Gets or sets a file whose whole content (trimmed) is the password.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Gets or sets the database name (Neo4j 4.0 and later; 3.x has a single database).</summary>
    /// <value>The default value is <c>neo4j</c>.</value>
    [Required]
    public string Database { get; set; } = "neo4j";

    /// <summary>Gets or sets how many rows one write statement carries.</summary>
    /// <value>The default value is 1000.</value>
    [Range(1, 50000)]
    public int BatchSize { get; set; } = 1000;

    /// <summary>Gets or sets how long one HTTP request may take before it counts as a transient timeout.</summary>
    /// <value>The default value is 2 minutes.</value>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Gets or sets which HTTP API to use: <c>auto</c> (the transactional endpoint when the server's discovery offers
    /// it, else the Query API, as on Aura), <c>transactional</c> or <c>query</c>.
    /// </summary>
    /// <value>The default value is <c>auto</c>.</value>
    public string Protocol { get; set; } = "auto";

    /// <summary>Gets how transient Neo4j errors are retried.</summary>
    public RetryOptions Retry { get; } = new();
}
