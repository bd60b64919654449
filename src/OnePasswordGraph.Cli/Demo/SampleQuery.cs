namespace OnePasswordGraph.Cli.Demo;

/// <summary>
/// A Cypher query an analyst would start from, with <c>$account</c> as its only parameter. Columns whose name ends in
/// <c>At</c> hold epoch milliseconds and are shown as UTC times.
/// </summary>
/// <param name="Title">What the query shows, in a few words.</param>
/// <param name="Why">Why a security team looks at it.</param>
/// <param name="Cypher">The query; Cypher that Neo4j 3.1 to 2025.x all accept.</param>
internal sealed record SampleQuery(string Title, string Why, string Cypher);
