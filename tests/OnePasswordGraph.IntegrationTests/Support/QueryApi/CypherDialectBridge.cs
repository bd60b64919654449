using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OnePasswordGraph.IntegrationTests.Support.QueryApi;

/// <summary>
/// The double stands for a 5.x server (Aura) while its database is Neo4j 3.1.1, whose Cypher lacks the 4.4+ schema
/// commands. These three forms are rewritten into their 3.1 equivalents with the same effect and the same result
/// columns; every other statement reaches Neo4j exactly as sent. It is what a 5.x server would do with the schema
/// command, expressed in 3.1's Cypher, not a change of what the client sent.
/// </summary>
internal static partial class CypherDialectBridge
{
    public static JsonObject Translate(JsonObject statement)
    {
        var text = statement["statement"]?.GetValue<string>() ?? string.Empty;
        var translated = Rewrite(text);
        var copy = statement.DeepClone().AsObject();
        copy["statement"] = translated;
        copy["resultDataContents"] = new JsonArray("row");
        return copy;
    }

    public static string Rewrite(string text)
    {
        if (CreateConstraint().Match(text) is { Success: true } constraint)
        {
            return $"CREATE CONSTRAINT ON ({constraint.Groups["var"]}:{constraint.Groups["label"]}) ASSERT {constraint.Groups["var"]}.{constraint.Groups["property"]} IS UNIQUE";
        }

        if (CreateIndex().Match(text) is { Success: true } index)
        {
            return $"CREATE INDEX ON :{index.Groups["label"]}({index.Groups["property"]})";
        }

        // SHOW CONSTRAINTS YIELD … [WHERE …] RETURN …: 3.1 describes each uniqueness constraint as
        // "CONSTRAINT ON ( l:label ) ASSERT l.property IS UNIQUE"; the columns 5.x yields are cut from that text.
        if (ShowConstraints().Match(text) is { Success: true } show)
        {
            return "CALL db.constraints() YIELD description "
                + "WITH 'UNIQUENESS' AS type, [split(split(description, ':')[1], ' ')[0]] AS labelsOrTypes, [split(split(description, '.')[1], ' ')[0]] AS properties, "
                + "split(split(description, ':')[1], ' ')[0] AS name "
                + show.Groups["rest"].Value;
        }

        return text;
    }

    [GeneratedRegex(@"^CREATE CONSTRAINT \S+ IF NOT EXISTS FOR \((?<var>\w+):(?<label>`[^`]+`|\w+)\) REQUIRE \k<var>\.(?<property>`[^`]+`|\w+) IS UNIQUE$")]
    private static partial Regex CreateConstraint();

    [GeneratedRegex(@"^CREATE INDEX \S+ IF NOT EXISTS FOR \((?<var>\w+):(?<label>`[^`]+`|\w+)\) ON \(\k<var>\.(?<property>`[^`]+`|\w+)\)$")]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"^SHOW CONSTRAINTS YIELD [\w, ]+? (?<rest>(WHERE|RETURN) .*)$")]
    private static partial Regex ShowConstraints();
}
