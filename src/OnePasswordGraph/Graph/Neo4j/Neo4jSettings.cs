namespace OnePasswordGraph.Graph.Neo4j;

/// <summary>Resolved Neo4j settings. <see cref="ToString"/> never shows the password.</summary>
public sealed record Neo4jSettings(Uri Url, string User, string Password, string Database, int BatchSize, TimeSpan RequestTimeout)
{
    public override string ToString() => $"Neo4jSettings {{ Url = {Url}, User = {User}, Database = {Database} }}";
}
