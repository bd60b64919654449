namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>Resolved connection settings. <see cref="ToString"/> never shows the password.</summary>
internal sealed record Neo4jConnection(Uri BaseUrl, string User, string Password, string Database)
{
    /// <summary>Gets the URL as it may appear in messages and logs: scheme, host, port and path only.</summary>
    public string DisplayUrl => BaseUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    public override string ToString() => $"Neo4jConnection {{ Url = {DisplayUrl}, User = {User}, Database = {Database} }}";
}
