using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph;

/// <summary>
/// Creates the uniqueness constraints and indexes the schema declares, in the server version's syntax. Safe to run at
/// every start: each statement is idempotent, and each runs in its own transaction because Neo4j refuses schema and
/// data changes in one.
/// </summary>
public sealed class GraphSchemaInstaller
{
    private readonly ICypherRunner _runner;
    private readonly GraphSchema _schema;
    private readonly ILogger _logger;

    public GraphSchemaInstaller(ICypherRunner runner, GraphSchema schema, ILogger<GraphSchemaInstaller> logger)
    {
        _runner = runner;
        _schema = schema;
        _logger = logger;
    }

    /// <summary>Applies the schema and returns the statements it ran.</summary>
    public async Task<IReadOnlyList<CypherStatement>> ApplyAsync(CancellationToken cancellationToken)
    {
        var server = await _runner.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        var statements = SchemaStatementBuilder.Build(_schema, server.Version);
        foreach (var statement in statements)
        {
            await _runner.RunAsync([statement], cancellationToken).ConfigureAwait(false);
        }

        Neo4jLog.SchemaApplied(_logger, server.Version, statements.Count);
        return statements;
    }

    /// <summary>Gets the node types whose uniqueness constraint on <c>_key</c> is missing (all of them before the first sync).</summary>
    public async Task<IReadOnlyList<string>> FindMissingKeyConstraintsAsync(CancellationToken cancellationToken)
    {
        var server = await _runner.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        var statement = SchemaStatementBuilder.ListConstraints(server.Version);
        var results = await _runner.RunAsync([statement], cancellationToken).ConfigureAwait(false);

        // 3.x describes a constraint as text ("CONSTRAINT ON ( n:label ) ASSERT n._key IS UNIQUE"); 4.4 and later name the
        // label of the constraints on _key alone. A uniqueness constraint on another property does not count.
        var described = results[0].Rows.Select(row => row[0] as string ?? string.Empty).ToList();
        return [.. _schema.NodeTypes.Select(n => n.Type).Where(label => !described.Any(d => d == label || IsKeyConstraintText(d, label)))];
    }

    private static bool IsKeyConstraintText(string description, string label) =>
        description.Contains(":" + label + " ", StringComparison.Ordinal)
        && description.EndsWith("." + GraphProperties.Key + " IS UNIQUE", StringComparison.Ordinal);
}
