using OnePasswordGraph.Graph.Neo4j;
using OnePasswordGraph.Graph.Schema;
using static OnePasswordGraph.Graph.Internal.Cypher;

namespace OnePasswordGraph.Graph.Internal;

/// <summary>
/// Generates the uniqueness constraints and indexes the declarations call for, in the syntax of the server's version:
/// 3.x's <c>ON … ASSERT</c> forms (idempotent there), and from 4.4 the named <c>FOR … REQUIRE</c> and
/// <c>IF NOT EXISTS</c> forms (3.x forms fail on 5.x, and re-running them fails on 4.x).
/// </summary>
internal static class SchemaStatementBuilder
{
    public static IReadOnlyList<CypherStatement> Build(GraphSchema schema, Neo4jVersion version)
    {
        var statements = new List<CypherStatement>();
        foreach (var node in schema.NodeTypes)
        {
            statements.Add(new CypherStatement(UniqueKey(node.Type, version)));
        }

        foreach (var node in schema.NodeTypes)
        {
            foreach (var property in node.Properties.Where(p => p.Indexed && p.Name != GraphProperties.Key))
            {
                statements.Add(new CypherStatement(Index(node.Type, property.Name, version)));
            }
        }

        return statements;
    }

    /// <summary>Lists the labels of existing uniqueness constraints: 3.x only has the procedure, 5.x only the command.</summary>
    public static CypherStatement ListConstraints(Neo4jVersion version) => new(version.HasModernSchemaSyntax
        ? $"SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type CONTAINS 'UNIQUE' AND properties = ['{GraphProperties.Key}'] RETURN labelsOrTypes[0] AS label"
        : "CALL db.constraints() YIELD description RETURN description AS label");

    private static string UniqueKey(string label, Neo4jVersion version) =>
        version.HasModernSchemaSyntax
            ? $"CREATE CONSTRAINT {Name($"opg_{label}_key")} IF NOT EXISTS FOR (n:{Name(label)}) REQUIRE n.{Name(GraphProperties.Key)} IS UNIQUE"
            : $"CREATE CONSTRAINT ON (n:{Name(label)}) ASSERT n.{Name(GraphProperties.Key)} IS UNIQUE";

    private static string Index(string label, string property, Neo4jVersion version) =>
        version.HasModernSchemaSyntax
            ? $"CREATE INDEX {Name($"opg_{label}_{property}")} IF NOT EXISTS FOR (n:{Name(label)}) ON (n.{Name(property)})"
            : $"CREATE INDEX ON :{Name(label)}({Name(property)})";
}
