using OnePasswordGraph.Resilience;

namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>Resolved Neo4j settings. <see cref="ToString"/> never shows the password.</summary>
public sealed record Neo4jSettings(Uri Url, string User, string Password, string Database, int BatchSize, TimeSpan RequestTimeout)
{
    /// <summary>Gets how transient Neo4j failures are retried (<c>Neo4j:Retry</c>).</summary>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>Gets which HTTP API statements go through (<c>Neo4j:Protocol</c>); <see cref="Neo4jProtocol.Auto"/> asks the server's discovery.</summary>
    public Neo4jProtocol Protocol { get; init; } = Neo4jProtocol.Auto;

    /// <summary>Gets the URL as it may appear in messages and logs: scheme, host, port and path only.</summary>
    public string DisplayUrl => Url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    /// <summary>
    /// Gets the configuration keys the credentials came from, in the environment's <c>__</c> form (for example
    /// <c>Neo4j__User and Neo4j__PasswordFile</c>), so that a refusal names what the user actually set.
    /// </summary>
    public string CredentialKeys { get; init; } = "Neo4j__User and Neo4j__Password";

    public override string ToString() => $"Neo4jSettings {{ Url = {DisplayUrl}, User = {User}, Database = {Database} }}";
}
