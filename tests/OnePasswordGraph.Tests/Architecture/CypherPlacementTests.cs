using System.Text.RegularExpressions;
using OnePasswordGraph.Testing;

namespace OnePasswordGraph.Tests.Architecture;

/// <summary>Cypher is generated in the Graph stage from schema names; no other stage writes statements of its own.</summary>
public sealed partial class CypherPlacementTests
{
    [Fact]
    public void CypherStatements_AppearOnlyInTheGraphStage()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Where(path => !path.StartsWith("src/OnePasswordGraph/Graph/", StringComparison.Ordinal))

            // The benchmark's plain loader is the yardstick the writer is measured against, so it writes its own Cypher.
            .Where(path => !path.StartsWith("src/OnePasswordGraph.Benchmarks/", StringComparison.Ordinal))
            .Where(path => CypherClause().IsMatch(File.ReadAllText(Path.Combine(RepositoryRoot.Path, path))))
            .ToList();

        Assert.True(offenders.Count == 0, "Cypher outside src/OnePasswordGraph/Graph: " + string.Join(", ", offenders));
    }

    [Fact]
    public void GraphStage_WritesNoLiteralLabels()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src/OnePasswordGraph/Graph"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains("/Schema/", StringComparison.Ordinal))
            .Where(path => LiteralLabel().IsMatch(File.ReadAllText(path)))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path))
            .ToList();

        Assert.True(offenders.Count == 0, "Literal labels instead of schema names in: " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"""[^""\n]*\b(MATCH|MERGE|CREATE|DETACH DELETE|UNWIND)\s*[\(\$`]", RegexOptions.CultureInvariant)]
    private static partial Regex CypherClause();

    [GeneratedRegex(@":`?one_password_[a-z_]+`?", RegexOptions.CultureInvariant)]
    private static partial Regex LiteralLabel();
}
