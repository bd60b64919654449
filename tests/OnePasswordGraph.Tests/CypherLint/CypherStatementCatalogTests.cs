using System.Text.Json;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.Tests.CypherLint;

/// <summary>
/// Writes the statement catalog for scripts/cypher-lint.sh (the file named by <c>CYPHER_LINT_STATEMENTS</c>, which
/// scripts/test.sh sets) and checks the catalog reaches every kind of statement, so the lint cannot pass by checking
/// nothing.
/// </summary>
public sealed class CypherStatementCatalogTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public void Catalog_CoversEveryKindOfStatement_AndIsWrittenForTheLint()
    {
        var statements = CypherStatementCatalog.All();

        var kinds = statements.Select(s => s.Key.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(
            ["alerts", "cleanup", "cursor", "delivery", "doctor", "erase", "inventory", "lease", "migration", "response", "rule", "sample", "schema", "status", "write"],
            kinds.Order(StringComparer.Ordinal));
        Assert.All(statements, s => Assert.False(string.IsNullOrWhiteSpace(s.Value), s.Key));
        Assert.Equal(statements.Count, statements.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(RulesCount(), statements.Count(s => s.Key.StartsWith("rule/", StringComparison.Ordinal) && !s.Key.EndsWith("/validate", StringComparison.Ordinal)));

        var target = Environment.GetEnvironmentVariable("CYPHER_LINT_STATEMENTS");
        if (!string.IsNullOrEmpty(target))
        {
            var path = Path.IsPathRooted(target) ? target : Path.Combine(RepositoryRoot.Path, target);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var rows = statements.Select(s => new Dictionary<string, string> { ["name"] = s.Key, ["text"] = s.Value });
            File.WriteAllText(path, JsonSerializer.Serialize(rows, Indented));
        }
    }

    private static int RulesCount() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src/OnePasswordGraph/Rules/Pack"), "*.yaml").Length;
}
