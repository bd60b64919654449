using System.Text.Json;
using System.Text.RegularExpressions;
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

    // A key lookup per row without a hint was planned by Neo4j 3.1, when its index statistics lagged a growing graph, as
    // a scan of the whole key index per row: a page of 1,000 events took a minute (see Cypher.MatchKey).
    [Fact]
    public void Catalog_EveryKeyLookupOfARow_NamesTheKeyIndex()
    {
        var lookup = new Regex(@"^(?:OPTIONAL )?MATCH \((\w+):`([^`]+)` \{`_key`: (?!\$)[^}]+\}\)$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        // Rules are written by hand; delivery may run on a graph whose schema no sync has installed yet (a hint on a
        // missing index fails the statement) and looks up one user per pending alert, at most a batch of them.
        var generated = CypherStatementCatalog.All()
            .Where(s => !s.Key.StartsWith("rule/", StringComparison.Ordinal) && !s.Key.StartsWith("delivery/", StringComparison.Ordinal))
            .ToList();

        var lookups = generated.SelectMany(s => lookup.Matches(s.Value).Select(m => (Statement: s, Match: m))).ToList();

        Assert.Contains(lookups, l => l.Statement.Key.StartsWith("alerts/", StringComparison.Ordinal));
        Assert.All(lookups, l => Assert.True(
            l.Statement.Value.AsSpan(l.Match.Index + l.Match.Length).StartsWith($"\nUSING INDEX {l.Match.Groups[1].Value}:`{l.Match.Groups[2].Value}`(`_key`)", StringComparison.Ordinal),
            $"{l.Statement.Key}: '{l.Match.Value}' has no index hint"));
    }

    // The same trap, avoided by construction: a write statement finds every node by MERGE on its key, which is always
    // a seek of the key's uniqueness constraint (WriteStatementBuilder.Lookups).
    [Fact]
    public void Catalog_WriteStatements_NeverMatch()
    {
        var writes = CypherStatementCatalog.All()
            .Where(s => s.Key.StartsWith("write/", StringComparison.Ordinal) && s.Key != "write/account-conflict-check").ToList();

        Assert.Contains(writes, s => s.Value.Contains("MERGE (u:", StringComparison.Ordinal));
        Assert.All(writes, s => Assert.DoesNotMatch(new Regex(@"(^|\n)(OPTIONAL )?MATCH ", RegexOptions.None, TimeSpan.FromSeconds(1)), s.Value));
    }

    // And where findings are stored (15 s for 100 flags after a backfill): each target type's nodes are read with one
    // IN list, and the alerts the statement has just written are found with MERGE (AlertStatementBuilder.Store).
    [Fact]
    public void Catalog_StoreFindings_LooksUpNoKeyPerRow()
    {
        var store = CypherStatementCatalog.All().Single(s => s.Key == "alerts/store-findings").Value;

        Assert.Contains("WHERE t.`_key` IN $targets", store, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"(^|\n)(OPTIONAL )?MATCH \(\w+:`[^`]+` \{", RegexOptions.None, TimeSpan.FromSeconds(1)), store);
    }

    private static int RulesCount() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src/OnePasswordGraph/Rules/Pack"), "*.yaml").Length;
}
