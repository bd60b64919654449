using System.Text;

namespace OnePasswordGraph.Cli.Demo;

/// <summary>Renders <see cref="SampleQueries"/> as docs/sample-queries.md; a test keeps the committed file equal to it.</summary>
internal static class SampleQueriesDocument
{
    public static string Render(IReadOnlyList<SampleQuery> queries)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var text = new StringBuilder();
        text.AppendLine("# Sample queries");
        text.AppendLine();
        text.AppendLine("<!-- Generated from src/OnePasswordGraph.Cli/Demo/SampleQueries.cs by SampleQueriesDocument; a test keeps it equal. Run the tests with UPDATE_SNAPSHOTS=1 to regenerate. -->");
        text.AppendLine();
        text.AppendLine("Starting points for hunting in the graph. `onepassword-graph demo` runs each of them against the simulated account, where");
        text.AppendLine("every one finds something the scenario planted. Each takes the account's configured name as `$account`; in Neo4j");
        text.AppendLine("Browser set it first with `:param account => 'default'`. Times are epoch milliseconds (see [the data model](data-model.md)).");
        text.AppendLine("They use only Cypher that Neo4j 3.1 through 2025.x accept.");
        foreach (var query in queries)
        {
            text.AppendLine();
            text.Append("## ").AppendLine(query.Title);
            text.AppendLine();
            text.AppendLine(query.Why);
            text.AppendLine();
            text.AppendLine("```cypher");
            text.AppendLine(query.Cypher.TrimEnd());
            text.AppendLine("```");
        }

        return text.ToString();
    }
}
