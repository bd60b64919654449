using Microsoft.Extensions.Logging;
using OnePasswordGraph.Graph.Internal;
using OnePasswordGraph.Graph.Schema;

namespace OnePasswordGraph.Graph;

/// <summary>
/// Creates the uniqueness constraints and indexes the schema declares, in the server version's syntax, then runs the
/// schema's property migrations that have not run on this graph yet. Safe to run at every start: each statement is
/// idempotent, each runs in its own transaction because Neo4j refuses schema and data changes in one, and a migration
/// is recorded once it has run.
/// </summary>
public sealed class GraphSchemaInstaller
{
    private const int MigrationChunkSize = 10_000;

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
        foreach (var migration in _schema.Migrations)
        {
            await MigrateAsync(migration, cancellationToken).ConfigureAwait(false);
        }

        return statements;
    }

    /// <summary>Runs <paramref name="migration"/> unless this graph records that it ran; returns how many properties it moved and links it removed (0 when it had run).</summary>
    public async Task<long> MigrateAsync(PropertyMigration migration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var key = new Dictionary<string, object?> { ["key"] = MigrationStatementBuilder.Key(migration) };
        var ran = await _runner.RunAsync([new CypherStatement(MigrationStatementBuilder.Ran, key)], cancellationToken).ConfigureAwait(false);
        if (ran[0].SingleLong("ran") > 0)
        {
            return 0;
        }

        long moved = 0;
        foreach (var rename in migration.Renames)
        {
            moved += await ChunkedStatement.RunUntilDoneAsync(_runner, MigrationStatementBuilder.Rename(rename), key, MigrationChunkSize, cancellationToken).ConfigureAwait(false);
        }

        foreach (var link in migration.RemovedLinks)
        {
            moved += await ChunkedStatement.RunUntilDoneAsync(_runner, MigrationStatementBuilder.RemoveCrossAccountLinks(link), key, MigrationChunkSize, cancellationToken).ConfigureAwait(false);
        }

        var props = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [GraphProperties.Key] = MigrationStatementBuilder.Key(migration),
            [GraphProperties.Type] = OnePasswordNodeTypes.SyncState.Type,
            ["stream"] = MigrationStatementBuilder.Key(migration),
        };
        await _runner.RunAsync([new CypherStatement(MigrationStatementBuilder.Record, new Dictionary<string, object?>(key) { ["props"] = props })], cancellationToken).ConfigureAwait(false);
        Neo4jLog.Migrated(_logger, migration.Id, migration.Renames.Count + migration.RemovedLinks.Count, moved);
        return moved;
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
