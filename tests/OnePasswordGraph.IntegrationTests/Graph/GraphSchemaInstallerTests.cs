using OnePasswordGraph.Graph.Schema;
using OnePasswordGraph.IntegrationTests.Support;

namespace OnePasswordGraph.IntegrationTests.Graph;

[Collection(Neo4jCollection.Name)]
public sealed class GraphSchemaInstallerTests(Neo4jServerFixture neo4j) : IAsyncLifetime
{
    public Task InitializeAsync() => neo4j.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ApplyAsync_Twice_ChangesNoConstraintOrIndex()
    {
        var installer = neo4j.CreateInstaller();
        var before = await SchemaDescriptionAsync();

        await installer.ApplyAsync(CancellationToken.None);
        await installer.ApplyAsync(CancellationToken.None);

        var after = await SchemaDescriptionAsync();
        Assert.Equal(before, after);
        Assert.Equal(GraphSchema.OnePassword.NodeTypes.Count, after.Count(line => line.StartsWith("constraint", StringComparison.Ordinal)));
    }

    private async Task<List<string>> SchemaDescriptionAsync()
    {
        var cypher = neo4j.Server.Version.HasModernSchemaSyntax
            ? "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties RETURN 'constraint ' + name + ' ' + type + ' ' + toString(labelsOrTypes) + toString(properties) AS d UNION ALL SHOW INDEXES YIELD name, labelsOrTypes, properties RETURN 'index ' + name + ' ' + toString(labelsOrTypes) + toString(properties) AS d"
            : "CALL db.constraints() YIELD description RETURN 'constraint ' + description AS d UNION ALL CALL db.indexes() YIELD description, type RETURN 'index ' + description + ' ' + type AS d";
        var rows = (await neo4j.QueryAsync(cypher)).Rows.Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToList();
        return rows;
    }
}
